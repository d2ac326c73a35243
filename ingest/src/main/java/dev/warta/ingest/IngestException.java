package dev.warta.ingest;

/** Ingest could not do its job (typically: Kafka unreachable); the message is a one-line reason for the CLI. */
public final class IngestException extends RuntimeException {
    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }

    public IngestException(String message) {
        super(message);
    }
}
