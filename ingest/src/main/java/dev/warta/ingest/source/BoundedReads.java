package dev.warta.ingest.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/** Reads bytes with a hard limit; gzip input is decompressed with the same limit (no gzip bombs). */
public final class BoundedReads {
    private BoundedReads() {}

    /** True when the file name ends with {@code .gz} (case-insensitive). */
    public static boolean isGzip(Path path) {
        String s = path.toString();
        return s.regionMatches(true, s.length() - 3, ".gz", 0, 3);
    }

    /**
     * The bytes of {@code path} (gunzipped when it is .gz, at most {@code limit}), or null after handing a dead
     * letter to {@code out}: too-large, bad-gzip or unreadable.
     */
    static byte[] readOrDeadLetter(Path path, long limit, java.util.function.Consumer<dev.warta.ingest.Item> out) {
        String source = path.toString();
        try {
            return readFile(path, limit);
        } catch (TooLargeException e) {
            out.accept(new dev.warta.ingest.Item.Dead(
                    Records.deadLetter("too-large", e.getMessage(), e, source, source, null, e.limit() + 1)));
        } catch (java.nio.file.NoSuchFileException e) {
            out.accept(new dev.warta.ingest.Item.Dead(
                    Records.deadLetter("unreadable", "no such file: " + source, e, source, source, null, 0)));
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException
                    ? "bad-gzip"
                    : "unreadable";
            out.accept(new dev.warta.ingest.Item.Dead(Records.deadLetter(
                    reason, "cannot read " + source + ": " + e.getMessage(), e, source, source, null, 0)));
        }
        return null;
    }

    /** The whole file, gunzipped when its name ends with .gz, at most {@code limit} bytes, else {@link TooLargeException}. */
    public static byte[] readFile(Path path, long limit) throws IOException {
        if (!isGzip(path)) {
            try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(path)) {
                long size = ch.size();
                if (size > limit) {
                    throw new TooLargeException("file " + path, limit);
                }
                if (size < 1 << 20) {
                    // small file, the common case: one exact buffer, no copies
                    java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) size + 1);
                    while (buf.hasRemaining() && ch.read(buf) >= 0) {
                        // read until the buffer is full or the file ends
                    }
                    if (buf.position() <= size) {
                        return Arrays.copyOf(buf.array(), buf.position());
                    }
                    // the file grew while we read it: fall through to the bounded stream
                }
            }
        }
        try (InputStream in = open(path)) {
            return readBounded(in, limit, "file " + path);
        }
    }

    /** Opens {@code path}, gunzipping when its name ends with .gz. */
    public static InputStream open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), 65536);
        return isGzip(path) ? new GZIPInputStream(raw, 65536) : raw;
    }

    /** Reads {@code in} to its end; throws {@link TooLargeException} as soon as more than {@code limit} bytes arrive. */
    public static byte[] readBounded(InputStream in, long limit, String what) throws IOException {
        byte[] buf = new byte[(int) Math.min(limit + 1, 64 * 1024)];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                if (len > limit) {
                    throw new TooLargeException(what, limit);
                }
                buf = Arrays.copyOf(buf, (int) Math.min(limit + 1, Math.max(buf.length * 2L, 1)));
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                break;
            }
            len += n;
            if (len > limit) {
                throw new TooLargeException(what, limit);
            }
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
