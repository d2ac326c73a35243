package dev.warta.ingest.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads JSON Lines: one object per line with {@code url}, {@code title} and {@code html} or {@code text} (also
 * accepted: {@code body}, {@code content}); {@code publishedAt}/{@code date} and {@code language}/{@code lang} fill
 * those fields, every other field goes to metadata. Provenance is {@code path#N}, N the 1-based line number. A bad
 * line becomes a dead letter and reading goes on. Lines are read with a length limit (no unbounded buffering).
 * Thread-safe.
 */
public final class JsonlSource implements FileSource {
    private static final Set<String> KNOWN = Set.of(
            "url",
            "title",
            "html",
            "text",
            "body",
            "content",
            "publishedAt",
            "published_at",
            "date",
            "language",
            "lang");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(Integer.MAX_VALUE - 64)
                    .build())
            .build());

    private final IngestLimits limits;
    private final HtmlPageSource html;

    public JsonlSource(IngestLimits limits) {
        this.limits = limits;
        this.html = new HtmlPageSource(limits);
    }

    @Override
    public List<String> extensions() {
        return List.of(".jsonl", ".ndjson");
    }

    /** Reads every line of {@code path}. An unreadable file gives one dead letter. */
    @Override
    public void read(Path path, Consumer<Item> out) {
        String source = path.toString();
        try (InputStream in = BoundedReads.open(path)) {
            read(in, source, "jsonl", out);
        } catch (IOException | RuntimeException e) {
            String reason = e instanceof java.util.zip.ZipException ? "bad-gzip" : "unreadable";
            out.accept(new Item.Dead(
                    Records.deadLetter(reason, "cannot read " + source + ": " + e, e, source, source, null, 0)));
        }
    }

    /** Reads JSON lines from {@code in}; provenance {@code source#N}. */
    public void read(InputStream in, String source, String sourceType, Consumer<Item> out) throws IOException {
        LineReader lines = new LineReader(in, limits.maxLineBytes());
        int lineNo = 0;
        byte[] line;
        while ((line = lines.next()) != null) {
            lineNo++;
            String provenance = source + "#" + lineNo;
            if (lines.overflowed()) {
                out.accept(new Item.Dead(Records.deadLetter(
                        "too-large",
                        "line " + lineNo + " is longer than " + limits.maxLineBytes() + " bytes",
                        null,
                        source,
                        provenance,
                        line,
                        lines.overflowSize())));
                continue;
            }
            if (isBlank(line)) {
                continue;
            }
            out.accept(parseObject(line, new Records.Draft(sourceType, source, provenance)));
        }
    }

    /** One JSON object (as in a JSONL line) into an item. */
    public Item parseObject(byte[] json, Records.Draft draft) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return new Item.Dead(Records.deadLetter(
                    "malformed-json", e.getOriginalMessage(), e, draft.source, draft.provenance, json, json.length));
        } catch (IOException | RuntimeException e) {
            return new Item.Dead(Records.deadLetter(
                    "malformed-json",
                    String.valueOf(e.getMessage()),
                    e,
                    draft.source,
                    draft.provenance,
                    json,
                    json.length));
        }
        if (node == null || !node.isObject()) {
            return new Item.Dead(Records.deadLetter(
                    "malformed-json",
                    "a line must hold one JSON object",
                    null,
                    draft.source,
                    draft.provenance,
                    json,
                    json.length));
        }
        String url = text(node, "url");
        String htmlBody = text(node, "html");
        String textBody = firstText(node, "text", "body", "content");
        if (htmlBody == null && textBody == null) {
            return new Item.Dead(Records.deadLetter(
                    "missing-content",
                    "object has neither html nor text",
                    null,
                    draft.source,
                    draft.provenance,
                    json,
                    json.length));
        }
        draft.title(text(node, "title"))
                .publishedAt(firstText(node, "publishedAt", "published_at", "date"))
                .languageHint(firstText(node, "language", "lang"));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!KNOWN.contains(field.getKey()) && !field.getValue().isNull()) {
                JsonNode v = field.getValue();
                draft.meta(field.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        }
        if (htmlBody != null) {
            String lang = draft.languageHint;
            String title = draft.title;
            dev.warta.schemas.RawArticle a = html.fromText(htmlBody, null, url, draft, 0);
            if (lang != null || title != null) {
                // the object's own fields win over what the markup declares
                if (lang != null) {
                    a.setLanguageHint(lang);
                }
                if (title != null) {
                    a.setTitle(title);
                }
            }
            return new Item.Article(a);
        }
        draft.url(url).contentType("text/plain").body(textBody);
        return new Item.Article(draft.build());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        return v.asText();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = text(node, f);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Splits a byte stream on '\n'; a line over the limit is returned truncated with {@link #overflowed()} set. */
    static final class LineReader {
        private final InputStream in;
        private final int max;
        private final byte[] buf = new byte[65536];
        private int pos;
        private int len;
        private boolean overflowed;
        private long overflowSize;

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        boolean overflowed() {
            return overflowed;
        }

        long overflowSize() {
            return overflowSize;
        }

        byte[] next() throws IOException {
            overflowed = false;
            overflowSize = 0;
            ByteArrayOutputStream line = null;
            long size = 0;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        if (size == 0 && line == null) {
                            return null;
                        }
                        return finish(line, size);
                    }
                }
                int start = pos;
                while (pos < len && buf[pos] != '\n') {
                    pos++;
                }
                int chunk = pos - start;
                if (line == null) {
                    line = new ByteArrayOutputStream(Math.min(chunk + 16, 1 << 16));
                }
                long room = (long) max - line.size();
                if (room > 0) {
                    line.write(buf, start, (int) Math.min(room, chunk));
                }
                size += chunk;
                if (pos < len) {
                    pos++; // the newline
                    return finish(line, size);
                }
            }
        }

        private byte[] finish(ByteArrayOutputStream line, long size) {
            if (size > max) {
                overflowed = true;
                overflowSize = size;
            }
            return line == null ? new byte[0] : line.toByteArray();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
