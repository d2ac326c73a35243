package dev.warta.ingest.source;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * Reads WARC and ARC files ({@code .warc}, {@code .warc.gz}, {@code .arc}, {@code .arc.gz}) with jwarc. Each HTML
 * response (or resource) record becomes an article with its {@code WARC-Target-URI} as URL and {@code WARC-Date} as
 * fetch time; other records are {@link Item.Skipped} ({@code not-html}). Provenance is {@code path#N} (N = 1-based
 * record number); the byte offset is kept in metadata {@code warc.offset}. A malformed record becomes a dead letter
 * ({@code malformed-warc} / {@code malformed-http}) naming its own record number and offset; after a record whose
 * header cannot be parsed, reading resynchronises on the next record header (the next {@code WARC/1.x} line, or the
 * next gzip member of a {@code .warc.gz}), so the intact records after it are still read.
 * Thread-safe (state is per call).
 */
public final class WarcSource implements FileSource {
    /** Corrupt records after which a file is given up (each one is skipped, so reading always moves forward). */
    private static final int MAX_ERRORS = 10_000;

    private final IngestLimits limits;
    private final HtmlPageSource html;

    public WarcSource(IngestLimits limits) {
        this.limits = limits;
        this.html = new HtmlPageSource(limits);
    }

    @Override
    public List<String> extensions() {
        return List.of(".warc", ".arc");
    }

    /** Reads every record of {@code path}. */
    @Override
    public void read(Path path, Consumer<Item> out) {
        String source = path.toString();
        int n = 0;
        WarcReader reader;
        try {
            reader = new WarcReader(path);
        } catch (IOException | RuntimeException e) {
            out.accept(new Item.Dead(Records.deadLetter(
                    "malformed-warc", "cannot open " + source + ": " + e.getMessage(), e, source, source, null, 0)));
            return;
        }
        try (reader) {
            reader.setLenient(true);
            boolean gzip = reader.compression() == WarcCompression.GZIP;
            int errors = 0;
            long lastGood = -1; // start of the last record read whole
            long resumedAt = -1; // where reading was resynchronised to, until a record is read there
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    errors++;
                    long failedAt = failureOffset(e);
                    // a gzip member whose header is intact is found again by the resynchronisation: same record
                    boolean sameRecord = gzip && resumedAt >= 0;
                    long from = failedAt >= 0 ? failedAt + 1 : (resumedAt >= 0 ? resumedAt : lastGood) + 1;
                    long resume = nextRecordStart(path, Math.max(from, resumedAt + 1), gzip);
                    if (!sameRecord) {
                        n++;
                        String where = failedAt >= 0
                                ? "at byte " + failedAt
                                : resumedAt >= 0
                                        ? "at byte " + resumedAt
                                        : "after the record at byte " + Math.max(0, lastGood);
                        out.accept(new Item.Dead(Records.deadLetter(
                                "malformed-warc",
                                "record " + n + " " + where
                                        + (resume < 0
                                                ? " (no record after it)"
                                                : " (reading resumes at byte " + resume + ")")
                                        + ": " + e.getMessage(),
                                e,
                                source,
                                source + "#" + n,
                                null,
                                0)));
                    }
                    if (resume < 0 || errors >= MAX_ERRORS) {
                        return;
                    }
                    reader.position(resume);
                    resumedAt = resume;
                    continue;
                }
                if (next.isEmpty()) {
                    return;
                }
                resumedAt = -1;
                lastGood = next.get().position();
                n++;
                out.accept(record(next.get(), source, n));
            }
        } catch (IOException | RuntimeException e) {
            out.accept(new Item.Dead(Records.deadLetter(
                    "malformed-warc",
                    "after record " + n + ": " + e.getMessage(),
                    e,
                    source,
                    source + "#" + (n + 1),
                    null,
                    0)));
        }
    }

    private static final Pattern PARSE_OFFSET = Pattern.compile("\\(offset (\\d+) in ");

    /** Where jwarc's parser says it failed (uncompressed files), or -1. */
    private static long failureOffset(Throwable e) {
        Matcher m = PARSE_OFFSET.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The byte offset of the first record start at or after {@code from}: a line {@code WARC/1.x} (uncompressed), or a
     * gzip member header (compressed: each record is its own member); -1 when there is none.
     */
    static long nextRecordStart(Path path, long from, boolean gzip) throws IOException {
        byte[] pattern = gzip ? new byte[] {0x1f, (byte) 0x8b, 0x08} : "\nWARC/".getBytes(StandardCharsets.US_ASCII);
        int skip = gzip ? 0 : 1; // the record starts after the newline
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long pos = Math.max(0, from - skip);
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            byte[] carry = new byte[0];
            while (pos < ch.size()) {
                buf.clear();
                int r = ch.read(buf, pos);
                if (r <= 0) {
                    return -1;
                }
                byte[] chunk = new byte[carry.length + r];
                System.arraycopy(carry, 0, chunk, 0, carry.length);
                System.arraycopy(buf.array(), 0, chunk, carry.length, r);
                long chunkStart = pos - carry.length;
                for (int i = 0; i + pattern.length <= chunk.length; i++) {
                    if (matches(chunk, i, pattern) && chunkStart + i + skip >= from) {
                        return chunkStart + i + skip;
                    }
                }
                int keep = Math.min(pattern.length - 1, chunk.length);
                carry = java.util.Arrays.copyOfRange(chunk, chunk.length - keep, chunk.length);
                pos += r;
            }
            return -1;
        }
    }

    private static boolean matches(byte[] b, int at, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (b[at + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private Item record(WarcRecord record, String source, int n) {
        String provenance = source + "#" + n;
        long offset = record.position();
        try {
            if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
                return new Item.Skipped(provenance, "not-html");
            }
            String target = ((WarcTargetRecord) record).target();
            MediaType type;
            MessageBody body;
            String contentTypeHeader;
            int status = 0;
            if (record instanceof WarcResponse response) {
                MediaType warcType = response.contentType();
                if (!warcType.base().equals(MediaType.HTTP) && !warcType.type().equals("application")) {
                    return new Item.Skipped(provenance, "not-http");
                }
                HttpResponse http = response.http();
                status = http.status();
                type = http.contentType();
                contentTypeHeader = http.headers().first("Content-Type").orElse(null);
                if (!isHtml(type)) {
                    return new Item.Skipped(provenance, "not-html");
                }
                body = http.bodyDecoded();
            } else {
                type = record.contentType();
                contentTypeHeader = type.toString();
                if (!isHtml(type)) {
                    return new Item.Skipped(provenance, "not-html");
                }
                body = record.body();
            }
            byte[] bytes = BoundedReads.readBounded(body.stream(), limits.maxPageBytes(), "record " + n);
            java.time.Instant date = date(record);
            Records.Draft draft = new Records.Draft("warc", source, provenance)
                    .fetchedAt(date != null ? date : java.time.Instant.now())
                    .meta("warc.offset", Long.toString(offset))
                    .meta(
                            "warc.recordId",
                            record.headers().first("WARC-Record-ID").orElse(null))
                    .meta("warc.date", date == null ? null : date.toString())
                    .meta("warc.type", record.headers().first("WARC-Type").orElse(null));
            if (status != 0) {
                draft.meta("http.status", Integer.toString(status));
            }
            return html.fromBytes(bytes, contentTypeHeader, target, draft);
        } catch (TooLargeException e) {
            return new Item.Dead(Records.deadLetter(
                    "too-large",
                    "record " + n + " at byte " + offset + ": " + e.getMessage(),
                    e,
                    source,
                    provenance,
                    null,
                    e.limit() + 1));
        } catch (IOException | RuntimeException e) {
            return new Item.Dead(Records.deadLetter(
                    "malformed-http",
                    "record " + n + " at byte " + offset + ": " + e.getMessage(),
                    e,
                    source,
                    provenance,
                    null,
                    0));
        }
    }

    private static java.time.Instant date(WarcRecord record) {
        try {
            return record.date();
        } catch (RuntimeException e) { // ARC records and broken WARC-Date headers
            return null;
        }
    }

    private static boolean isHtml(MediaType type) {
        if (type == null) {
            return false;
        }
        String base = type.base().toString().toLowerCase(Locale.ROOT);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }
}
