package dev.warta.ingest.source;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Reads an HTML page ({@code .html}, {@code .htm}, optionally {@code .gz}). The body is kept as found; charset from
 * BOM, HTTP header, {@code <meta>}, else UTF-8 with replacement. Canonical URL from {@code link rel=canonical} or
 * {@code og:url}, language hint from {@code <html lang>}, title from {@code <title>}. Only the first 64 KiB are
 * scanned for these, with bounded patterns; the page is not parsed (enrich does that). Stateless and thread-safe.
 */
public final class HtmlPageSource implements FileSource {
    private static final int HEAD_SCAN = 64 * 1024;
    private static final Pattern TAG =
            Pattern.compile("<(link|meta|html|base)\\b([^>]{0,2048})>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile(
            "([a-zA-Z_:][-a-zA-Z0-9_:.]{0,40})\\s*=\\s*(?:\"([^\"]{0,4096})\"|'([^']{0,4096})'|([^\\s\"'>]{1,4096}))");
    private static final Pattern TITLE =
            Pattern.compile("<title\\b[^>]{0,512}>([^<]{0,2048})</title", Pattern.CASE_INSENSITIVE);

    private final IngestLimits limits;

    public HtmlPageSource(IngestLimits limits) {
        this.limits = limits;
    }

    @Override
    public List<String> extensions() {
        return List.of(".html", ".htm", ".xhtml");
    }

    /** Reads one HTML file into one item (an article or a dead letter). */
    @Override
    public void read(Path path, Consumer<Item> out) {
        String source = path.toString();
        byte[] bytes = BoundedReads.readOrDeadLetter(path, limits.maxPageBytes(), out);
        if (bytes == null) {
            return;
        }
        out.accept(fromBytes(bytes, null, null, new Records.Draft("html", source, source)));
    }

    /**
     * An item from page bytes. {@code contentType} is the HTTP header value when known; {@code url} the address the
     * page was fetched from (the id uses the page's canonical URL when it states one, else {@code url}).
     */
    public Item fromBytes(byte[] bytes, String contentType, String url, Records.Draft draft) {
        if (bytes.length == 0) {
            return new Item.Dead(
                    Records.deadLetter("empty", "empty page", null, draft.source, draft.provenance, bytes, 0));
        }
        if (bytes.length > limits.maxPageBytes()) {
            return new Item.Dead(Records.deadLetter(
                    "too-large",
                    "page of " + bytes.length + " bytes is over the limit of " + limits.maxPageBytes(),
                    null,
                    draft.source,
                    draft.provenance,
                    bytes,
                    bytes.length));
        }
        Charsets.Decoded decoded = Charsets.decodeHtml(bytes, contentType);
        if (decoded.binary()) {
            return new Item.Dead(Records.deadLetter(
                    "invalid-encoding",
                    "page is not text in " + decoded.charset() + " (" + decoded.malformed() + " malformed sequences)",
                    null,
                    draft.source,
                    draft.provenance,
                    bytes,
                    bytes.length));
        }
        return new Item.Article(fromText(decoded.text(), decoded.charset(), url, draft, decoded.malformed()));
    }

    /** An article from already decoded HTML. */
    public dev.warta.schemas.RawArticle fromText(
            String html, String charset, String url, Records.Draft draft, int malformed) {
        Head head = scanHead(html);
        String canonical = resolve(
                head.canonical != null ? head.canonical : head.ogUrl,
                head.base != null ? resolve(head.base, url) : url);
        String id = usableCanonical(canonical, url) ? canonical : url;
        draft.url(id)
                .contentType("text/html")
                .charset(charset)
                .body(html)
                .title(head.title)
                .languageHint(head.lang);
        if (url != null && id != null && !url.equals(id)) {
            draft.meta("fetchUrl", url);
        }
        if (malformed > 0) {
            draft.meta("encoding.malformed", Integer.toString(malformed));
        }
        if (dev.warta.ingest.ArticleIds.normalizeUrl(id) == null) {
            // no usable URL: the id comes from the visible text, not from markup that changes with every re-save
            draft.idText(Jsoup.parse(html).text());
        }
        return draft.build();
    }

    /**
     * A declared canonical is used unless it is unusable or points to a site's home page while the page was fetched
     * from a deeper address (a common template bug that would merge every article of the site into one id).
     */
    static boolean usableCanonical(String canonical, String url) {
        String c = dev.warta.ingest.ArticleIds.normalizeUrl(canonical);
        if (c == null) {
            return false;
        }
        String u = dev.warta.ingest.ArticleIds.normalizeUrl(url);
        return u == null || !isHomePage(c) || isHomePage(u);
    }

    private static boolean isHomePage(String normalized) {
        int slash = normalized.indexOf('/', normalized.indexOf("://") + 3);
        return slash < 0 || normalized.length() == slash + 1;
    }

    private static String resolve(String href, String base) {
        if (href == null || href.isBlank()) {
            return null;
        }
        if (base == null) {
            return href.strip();
        }
        try {
            return java.net
                    .URI
                    .create(base.strip().replace(" ", "%20"))
                    .resolve(href.strip().replace(" ", "%20"))
                    .toString();
        } catch (RuntimeException e) {
            return href.strip();
        }
    }

    /** What the head of a page declares. */
    record Head(String canonical, String ogUrl, String lang, String title, String base) {}

    static Head scanHead(String html) {
        String head = html.length() > HEAD_SCAN ? html.substring(0, HEAD_SCAN) : html;
        String canonical = null;
        String ogUrl = null;
        String lang = null;
        String base = null;
        Matcher tag = TAG.matcher(head);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
            String attrs = tag.group(2);
            switch (name) {
                case "html" -> {
                    if (lang == null) {
                        lang = attr(attrs, "lang");
                    }
                }
                case "base" -> {
                    if (base == null) {
                        base = attr(attrs, "href");
                    }
                }
                case "link" -> {
                    if (canonical == null) {
                        String rel = attr(attrs, "rel");
                        if (rel != null
                                && rel.toLowerCase(java.util.Locale.ROOT).contains("canonical")) {
                            canonical = attr(attrs, "href");
                        }
                    }
                }
                default -> {
                    if (ogUrl == null) {
                        String prop = attr(attrs, "property");
                        if (prop == null) {
                            prop = attr(attrs, "name");
                        }
                        if (prop != null && prop.equalsIgnoreCase("og:url")) {
                            ogUrl = attr(attrs, "content");
                        }
                    }
                }
            }
        }
        String title = null;
        Matcher t = TITLE.matcher(head);
        if (t.find()) {
            title = Parser.unescapeEntities(t.group(1), false).strip().replaceAll("\\s+", " ");
        }
        return new Head(canonical, ogUrl, lang, title, base);
    }

    private static String attr(String attrs, String name) {
        Matcher m = ATTR.matcher(attrs);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase(name)) {
                String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                return Parser.unescapeEntities(v, true).strip();
            }
        }
        return null;
    }
}
