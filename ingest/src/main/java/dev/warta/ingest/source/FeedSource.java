package dev.warta.ingest.source;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.warta.ingest.ArticleIds;
import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.Item;
import dev.warta.ingest.fetch.HttpPageFetcher;
import dev.warta.ingest.fetch.PageFetcher;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads an RSS or Atom feed (file or URL) with Rome. XML with a DOCTYPE is refused before parsing (no external
 * entities, no entity expansion: XXE and "billion laughs" feeds become dead letters with reason
 * {@code feed-doctype-forbidden}). For each item the page at its link is fetched with the {@link PageFetcher}; when
 * that fails the item is published with the feed's own content, {@code contentOrigin=feed} and {@code fetchError} set.
 * The article id is always that of the item link, so a fetched and a feed-only copy share it. Items whose id the
 * {@code known} predicate already knows are not fetched again. An item whose link the fetch policy refuses (an
 * internal address) is dead-lettered with reason {@code fetch-refused}, not published. Provenance: {@code feed#guid}.
 * Thread-safe.
 */
public final class FeedSource implements FileSource {
    private final IngestLimits limits;
    private final PageFetcher fetcher;
    private final HtmlPageSource html;

    public FeedSource(IngestLimits limits, PageFetcher fetcher) {
        this.limits = limits;
        this.fetcher = fetcher;
        this.html = new HtmlPageSource(limits);
    }

    @Override
    public List<String> extensions() {
        return List.of(".xml", ".rss", ".atom");
    }

    /** Reads a feed file; no item is treated as known. */
    @Override
    public void read(Path path, Consumer<Item> out) {
        read(path, id -> false, out);
    }

    /** Reads a feed file; items whose id {@code known} accepts are built from the feed without fetching. */
    @Override
    public void read(Path path, Predicate<String> known, Consumer<Item> out) {
        String source = path.toString();
        byte[] bytes = BoundedReads.readOrDeadLetter(path, limits.maxPageBytes(), out);
        if (bytes == null) {
            return;
        }
        parse(bytes, source, known, out);
    }

    /**
     * Reads the feed at {@code location}: an http(s) URL is fetched, anything else ({@code file:} URL or path) is read
     * as a local file.
     */
    public void readLocation(String location, Predicate<String> known, Consumer<Item> out) {
        Path file = localFile(location);
        if (file == null) {
            readUrl(location, known, out);
        } else {
            read(file, known, out);
        }
    }

    /** The local file {@code location} names, or null when it is an http(s) URL. */
    public static Path localFile(String location) {
        String l = location.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return null;
        }
        if (lower.startsWith("file:")) {
            try {
                return Path.of(URI.create(l));
            } catch (RuntimeException e) {
                return Path.of(l.substring(5));
            }
        }
        return Path.of(l);
    }

    /** Fetches the feed at {@code url} and reads it. */
    public void readUrl(String url, Predicate<String> known, Consumer<Item> out) {
        PageFetcher.Page page;
        try {
            page = fetcher.fetch(url);
        } catch (PageFetcher.FetchException e) {
            out.accept(new Item.Dead(Records.deadLetter("feed-" + e.reason(), e.getMessage(), e, url, url, null, 0)));
            return;
        }
        parse(page.body(), url, known, out);
    }

    /** Parses feed bytes and emits one item per entry (or one dead letter for the whole feed). */
    public void parse(byte[] bytes, String source, Predicate<String> known, Consumer<Item> out) {
        if (hasDoctype(bytes)) {
            out.accept(new Item.Dead(Records.deadLetter(
                    "feed-doctype-forbidden",
                    "feed declares a DOCTYPE; DTDs and entities are refused (XXE / entity expansion)",
                    null,
                    source,
                    source,
                    bytes,
                    bytes.length)));
            return;
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setXmlHealerOn(true);
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), true));
        } catch (Exception e) { // Rome throws FeedException, IOException, IllegalArgumentException and JDOM errors
            String msg = String.valueOf(e.getMessage());
            String reason =
                    msg.toLowerCase(Locale.ROOT).contains("doctype") ? "feed-doctype-forbidden" : "malformed-feed";
            out.accept(new Item.Dead(Records.deadLetter(reason, msg, e, source, source, bytes, bytes.length)));
            return;
        }
        String language = feed.getLanguage();
        int n = 0;
        for (SyndEntry entry : feed.getEntries()) {
            n++;
            out.accept(entry(entry, source, n, language, known));
        }
    }

    private Item entry(SyndEntry entry, String source, int n, String language, Predicate<String> known) {
        String guid = entry.getUri() != null && !entry.getUri().isBlank()
                ? entry.getUri().strip()
                : Integer.toString(n);
        String provenance = source + "#" + guid;
        try {
            String link = entry.getLink();
            if (link == null || ArticleIds.normalizeUrl(link) == null) {
                String uri = entry.getUri();
                link = uri != null && ArticleIds.normalizeUrl(uri) != null ? uri : link;
            }
            String feedContent = feedContent(entry);
            Records.Draft draft = new Records.Draft("feed", source, provenance)
                    .title(entry.getTitle())
                    .publishedAt(
                            iso(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate()))
                    .languageHint(language)
                    .meta("feed.guid", entry.getUri())
                    .meta("feed.author", blank(entry.getAuthor()));
            List<SyndCategory> categories = entry.getCategories();
            if (categories != null && !categories.isEmpty()) {
                draft.meta(
                        "feed.categories",
                        categories.stream()
                                .map(SyndCategory::getName)
                                .filter(c -> c != null && !c.isBlank())
                                .collect(Collectors.joining(", ")));
            }
            String normalized = ArticleIds.normalizeUrl(link);
            if (normalized == null && (feedContent == null || feedContent.isBlank()) && entry.getTitle() == null) {
                return new Item.Dead(Records.deadLetter(
                        "missing-content",
                        "feed item " + n + " has no link and no content",
                        null,
                        source,
                        provenance,
                        null,
                        0));
            }
            String fetchError;
            if (normalized == null) {
                fetchError = "no-link: item has no http(s) link";
            } else if (known.test(ArticleIds.idOfNormalized(normalized))) {
                fetchError = "not-fetched: already published";
            } else {
                try {
                    PageFetcher.Page page = fetcher.fetch(link);
                    Charsets.Decoded decoded = Charsets.decodeHtml(page.body(), page.contentType());
                    if (!decoded.binary() && page.body().length > 0) {
                        String title = draft.title;
                        String lang = draft.languageHint;
                        dev.warta.schemas.RawArticle a =
                                html.fromText(decoded.text(), decoded.charset(), link, draft, decoded.malformed());
                        // the id stays that of the feed link, whatever canonical the page declares
                        String pageCanonical = a.getUrl();
                        a.setUrl(normalized);
                        a.setId(ArticleIds.idOfNormalized(normalized));
                        a.setOriginalUrl(link.strip());
                        if (pageCanonical != null && !pageCanonical.equals(normalized)) {
                            a.getMetadata().put("canonicalUrl", pageCanonical);
                        }
                        if (title != null) {
                            a.setTitle(title);
                        }
                        if (a.getLanguageHint() == null) {
                            a.setLanguageHint(lang);
                        }
                        return new Item.Article(a);
                    }
                    fetchError = "not-html: page is empty or not text";
                } catch (PageFetcher.FetchException e) {
                    if (e.reason().equals(HttpPageFetcher.REFUSED)) { // an item pointing into the internal network
                        return new Item.Dead(Records.deadLetter(
                                HttpPageFetcher.REFUSED,
                                "feed item " + n + ": " + e.getMessage(),
                                null,
                                source,
                                provenance,
                                null,
                                0));
                    }
                    fetchError = e.reason() + ": " + e.getMessage();
                }
            }
            String body = feedContent == null ? "" : feedContent;
            boolean isHtml = body.indexOf('<') >= 0;
            draft.url(link)
                    .contentType(isHtml ? "text/html" : "text/plain")
                    .body(body)
                    .fromFeed(fetchError);
            if (normalized == null) {
                draft.idText(body);
            }
            return new Item.Article(draft.build());
        } catch (RuntimeException e) {
            return new Item.Dead(Records.deadLetter(
                    "malformed-feed-item", String.valueOf(e.getMessage()), e, source, provenance, null, 0));
        }
    }

    private static String feedContent(SyndEntry entry) {
        List<SyndContent> contents = entry.getContents();
        if (contents != null) {
            for (SyndContent c : contents) {
                if (c != null && c.getValue() != null && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        SyndContent d = entry.getDescription();
        return d == null ? null : d.getValue();
    }

    private static String iso(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** True when the XML prolog (before the root element, first 64 KiB) declares a DOCTYPE, in any usual encoding. */
    static boolean hasDoctype(byte[] bytes) {
        int n = Math.min(bytes.length, 64 * 1024);
        String s = new String(bytes, 0, n, StandardCharsets.ISO_8859_1).replace("\0", "");
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '<') {
                i++;
                continue;
            }
            if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) {
                    return false;
                }
                i = end + 2;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return false;
                }
                i = end + 3;
            } else {
                return s.regionMatches(true, i, "<!DOCTYPE", 0, 9) || s.regionMatches(true, i, "<!ENTITY", 0, 8);
            }
        }
        return false;
    }
}
