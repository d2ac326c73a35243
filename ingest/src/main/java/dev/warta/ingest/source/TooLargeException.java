package dev.warta.ingest.source;

import java.io.IOException;

/** Input over a configured size limit (also raised by bounded decompression: a gzip bomb ends here). */
public final class TooLargeException extends IOException {
    private final long limit;

    public TooLargeException(String what, long limit) {
        super(what + " is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
