package dev.warta.ingest.source;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
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
 * ({@code malformed-warc} / {@code malformed-http}) naming the offset, and reading goes on where the format allows.
 * Thread-safe (state is per call).
 */
public final class WarcSource implements FileSource {
    /** Consecutive parse failures after which a file is given up. */
    private static final int MAX_CONSECUTIVE_ERRORS = 3;

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
            out.accept(new Item.Dead(Records.deadLetter("malformed-warc", "cannot open " + source + ": " + e.getMessage(),
                    e, source, source, null, 0)));
            return;
        }
        try (reader) {
            reader.setLenient(true);
            int errors = 0;
            while (true) {
                long offset = safePosition(reader);
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                } catch (IOException | RuntimeException e) {
                    n++;
                    errors++;
                    out.accept(new Item.Dead(Records.deadLetter("malformed-warc", "record " + n + " at byte " + offset
                            + ": " + e.getMessage(), e, source, source + "#" + n, null, 0)));
                    if (errors >= MAX_CONSECUTIVE_ERRORS || safePosition(reader) == offset) {
                        return;
                    }
                    continue;
                }
                if (next.isEmpty()) {
                    return;
                }
                errors = 0;
                n++;
                out.accept(record(next.get(), source, n));
            }
        } catch (IOException | RuntimeException e) {
            out.accept(new Item.Dead(Records.deadLetter("malformed-warc", "after record " + n + ": " + e.getMessage(), e,
                    source, source + "#" + (n + 1), null, 0)));
        }
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
                    .meta("warc.recordId", record.headers().first("WARC-Record-ID").orElse(null))
                    .meta("warc.date", date == null ? null : date.toString())
                    .meta("warc.type", record.headers().first("WARC-Type").orElse(null));
            if (status != 0) {
                draft.meta("http.status", Integer.toString(status));
            }
            return html.fromBytes(bytes, contentTypeHeader, target, draft);
        } catch (TooLargeException e) {
            return new Item.Dead(Records.deadLetter("too-large", "record " + n + " at byte " + offset + ": " + e.getMessage(),
                    e, source, provenance, null, e.limit() + 1));
        } catch (IOException | RuntimeException e) {
            return new Item.Dead(Records.deadLetter("malformed-http", "record " + n + " at byte " + offset + ": "
                    + e.getMessage(), e, source, provenance, null, 0));
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

    private static long safePosition(WarcReader reader) {
        try {
            return reader.position();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
