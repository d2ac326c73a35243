package dev.warta.common.stream;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.serde.WireFormatException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/** Builds {@link DeadLetter} records: reason codes from exceptions, the first bytes of the payload. */
public final class DeadLetters {
    /** How many payload bytes a dead letter keeps. */
    public static final int HEAD_BYTES = 1024;

    private DeadLetters() {}

    /**
     * {@code value}, or a {@link WireFormatException} ({@code empty-payload}) for a null one: a tombstone carries no
     * article, and the processing-exception handler dead-letters it with that reason rather than a NullPointerException.
     */
    public static <T> T requireValue(T value, String topic) {
        if (value == null) {
            throw new WireFormatException(
                    WireFormatException.Reason.EMPTY,
                    "null value (a tombstone) on " + topic + ": no article in it",
                    null);
        }
        return value;
    }

    /** A short machine-friendly reason for {@code error}. */
    public static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof WireFormatException w) {
                return w.reason().code();
            }
        }
        if (error instanceof StackOverflowError) {
            return "too-deep";
        }
        if (error instanceof OutOfMemoryError) {
            return "too-large";
        }
        return "processing-error";
    }

    /** A one-line message naming the root cause. */
    public static String message(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (root != error && root.getMessage() != null && !m.contains(root.getMessage())) {
            m = m + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return m.length() > 2000 ? m.substring(0, 2000) : m;
    }

    /** A dead letter for a record of a stream stage. */
    public static DeadLetter forRecord(
            String stage,
            Throwable error,
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            String version) {
        byte[] payload = value == null ? new byte[0] : value;
        return DeadLetter.newBuilder()
                .setStage(stage)
                .setReason(reason(error))
                .setMessage(message(error))
                .setErrorType(error.getClass().getName())
                .setSource(topic)
                .setProvenance(topic + "/" + partition + "@" + offset)
                .setTopic(topic)
                .setPartition(partition)
                .setOffset(offset)
                .setKey(key == null ? null : new String(key, java.nio.charset.StandardCharsets.UTF_8))
                .setPayloadHead(ByteBuffer.wrap(Arrays.copyOf(payload, Math.min(payload.length, HEAD_BYTES))))
                .setPayloadSize(payload.length)
                .setFailedAt(Instant.now())
                .setEnrichmentVersion(version)
                .build();
    }
}
