package dev.warta.sink;

import dev.warta.common.json.ArticleJson;
import dev.warta.schemas.EnrichedArticle;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Rolling JSONL files of articles ({@code warta sink --to-jsonl DIR}): one {@link ArticleJson#json} line per
 * article, written to {@code DIR/clean-<utc time>-<seq>.jsonl.part}; when the file reaches {@code maxBytes} or is
 * older than {@code maxAge} (checked on each write and on {@link #maybeRoll()}), or on {@link #close()}, it is
 * flushed, fsynced and renamed atomically to {@code .jsonl}, so readers only ever see complete files. A
 * {@code .part} file left by a crash is kept as it is. Methods are synchronized: one writer at a time.
 *
 * <pre>{@code
 * try (JsonlFileSink sink = new JsonlFileSink(Path.of("out"), 64 << 20, Duration.ofMinutes(5), Clock.systemUTC())) {
 *     sink.write(article);
 * }
 * }</pre>
 */
public final class JsonlFileSink implements Closeable {
    /** Suffix of the file being written. */
    public static final String PART = ".part";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    private OutputStream out;
    private Path current;
    private long bytes;
    private long openedAt;
    private long records;
    private long rolls;
    private int seq;

    public JsonlFileSink(Path dir, long maxBytes, Duration maxAge, Clock clock) throws IOException {
        if (maxBytes < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxBytes and maxAge must be positive");
        }
        this.dir = Files.createDirectories(dir);
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Appends one article as a JSON line, rolling first when the current file is due. */
    public synchronized void write(EnrichedArticle a) throws IOException {
        writeLine(ArticleJson.json(a));
    }

    /** Appends one line (a newline is added), rolling first when the current file is due. */
    public synchronized void writeLine(String json) throws IOException {
        maybeRoll();
        if (out == null) {
            open();
        }
        // a raw line break can only be JSON whitespace (strings escape theirs): keep one record per line
        byte[] line = (json.replace('\n', ' ').replace('\r', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line);
        bytes += line.length;
        records++;
        if (bytes >= maxBytes) {
            roll();
        }
    }

    /** Rolls the current file when it is older than maxAge (call from a timer to roll idle files). */
    public synchronized void maybeRoll() throws IOException {
        if (out != null && clock.millis() - openedAt >= maxAge.toMillis()) {
            roll();
        }
    }

    /** Completes the current file (if any): flush, fsync, atomic rename to {@code .jsonl}. */
    public synchronized void roll() throws IOException {
        if (out == null) {
            return;
        }
        out.flush();
        out.close();
        out = null;
        String name = current.getFileName().toString();
        Path done = current.resolveSibling(name.substring(0, name.length() - PART.length()));
        try {
            Files.move(current, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(current, done);
        }
        current = null;
        rolls++;
    }

    /** Files completed (renamed to {@code .jsonl}) since this sink was opened. */
    public synchronized long rolls() {
        return rolls;
    }

    /** Lines written since this sink was opened. */
    public synchronized long records() {
        return records;
    }

    @Override
    public synchronized void close() throws IOException {
        roll();
    }

    private void open() throws IOException {
        openedAt = clock.millis();
        String stamp = STAMP.format(clock.instant());
        Path p;
        do {
            p = dir.resolve(String.format("clean-%s-%04d.jsonl%s", stamp, seq++, PART));
        } while (Files.exists(p)
                || Files.exists(p.resolveSibling(p.getFileName().toString().replace(PART, ""))));
        out = new SyncOnClose(Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), p);
        current = p;
        bytes = 0;
    }

    /** A buffered file stream that fsyncs before closing, so a renamed file is durable. */
    private static final class SyncOnClose extends java.io.BufferedOutputStream {
        private final Path path;

        SyncOnClose(OutputStream out, Path path) {
            super(out, 1 << 16);
            this.path = path;
        }

        @Override
        public void close() throws IOException {
            flush();
            super.close();
            try (var ch = java.nio.channels.FileChannel.open(path, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }
}
