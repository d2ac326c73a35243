package dev.warta.ingest.source;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a {@code .txt} page (the seeds' style): the first non-empty line is the title, the whole text is the body,
 * kept as it is (cruft included; enrich cleans it). No URL, so the id is a hash of title and text. Thread-safe.
 */
public final class TextPageSource implements FileSource {
    private final IngestLimits limits;

    public TextPageSource(IngestLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<String> extensions() {
        return List.of(".txt");
    }

    /** Reads one text file into one item. */
    @Override
    public void read(Path path, Consumer<Item> out) {
        String source = path.toString();
        byte[] bytes = BoundedReads.readOrDeadLetter(path, limits.maxPageBytes(), out);
        if (bytes == null) {
            return;
        }
        out.accept(fromBytes(bytes, new Records.Draft("text", source, source)));
    }

    /** An item from the bytes of a text page. */
    public Item fromBytes(byte[] bytes, Records.Draft draft) {
        Charsets.Decoded decoded = Charsets.decodeText(bytes);
        if (decoded.binary()) {
            return new Item.Dead(Records.deadLetter(
                    "invalid-encoding",
                    "not " + decoded.charset() + " text (" + decoded.malformed() + " malformed sequences)",
                    null,
                    draft.source,
                    draft.provenance,
                    bytes,
                    bytes.length));
        }
        String text = decoded.text();
        String title = firstLine(text);
        if (title == null) {
            return new Item.Dead(Records.deadLetter(
                    "empty", "no text in page", null, draft.source, draft.provenance, bytes, bytes.length));
        }
        draft.contentType("text/plain").charset(decoded.charset()).body(text).title(title);
        if (decoded.malformed() > 0) {
            draft.meta("encoding.malformed", Integer.toString(decoded.malformed()));
        }
        return new Item.Article(draft.build());
    }

    /** First line with a non-whitespace character, stripped; null when there is none. */
    static String firstLine(String text) {
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            String line = text.substring(start, Math.min(end, start + 4096)).strip();
            if (!line.isEmpty()) {
                return line;
            }
            start = end + 1;
        }
        return null;
    }
}
