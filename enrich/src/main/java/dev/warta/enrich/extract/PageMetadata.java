package dev.warta.enrich.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Page metadata from JSON-LD ({@code NewsArticle} and friends, also inside {@code @graph}), Open Graph and other
 * meta tags, {@code link rel=canonical}, {@code <time datetime>} and {@code <html lang>}. Stateless; the shared
 * {@link ObjectMapper} is thread-safe.
 */
final class PageMetadata {
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private static final Set<String> ARTICLE_TYPES = Set.of(
            "newsarticle",
            "article",
            "reportagenewsarticle",
            "blogposting",
            "analysisnewsarticle",
            "opinionnewsarticle",
            "backgroundnewsarticle",
            "webpage",
            "liveblogposting",
            "report",
            "scholarlyarticle",
            "techarticle",
            "socialmediaposting",
            "reviewnewsarticle");
    private static final String[] DATE_META = {
        "article:published_time",
        "og:article:published_time",
        "article:published",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published_time",
        "published-date",
        "dc.date.issued",
        "dcterms.created",
        "dc.date",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "date",
        "content_publishdate",
        "og:published_time",
        "article.published",
        "ptime",
        "publication_date",
        "originalpublicationdate"
    };
    private static final String[] AUTHOR_META = {
        "author",
        "article:author",
        "dc.creator",
        "sailthru.author",
        "parsely-author",
        "byl",
        "og:article:author",
        "cxenseparse:author",
        "content_author"
    };
    private static final Pattern URLISH = Pattern.compile("^(https?:)?//.*");
    private static final Pattern BY_PREFIX = Pattern.compile("^(?i)(by|oleh|penulis|reporter|von|par|por)\\s*:?\\s+");

    String title;
    String published;
    String publishedRule;
    final List<String> authors = new ArrayList<>();
    String siteName;
    String canonical;
    String language;
    String articleBody;
    /** The page's own zone: the first offset stated by any of its machine dates (null when none). */
    ZoneOffset zone;
    /** Raw date values in order of trust, with the rule that found each; resolved once {@link #zone} is known. */
    private final List<String[]> dateCandidates = new ArrayList<>();

    static PageMetadata read(Document doc) {
        PageMetadata md = new PageMetadata();
        md.jsonLd(doc);
        md.meta(doc);
        md.resolveDate();
        return md;
    }

    private void dateCandidate(String rule, String raw) {
        if (raw == null || raw.isBlank() || dateCandidates.size() >= 50) {
            return;
        }
        dateCandidates.add(new String[] {rule, raw});
        zoneEvidence(raw);
    }

    private void zoneEvidence(String raw) {
        if (zone == null && raw != null && raw.length() <= 200) {
            zone = DateParser.statedZone(raw);
        }
    }

    /** The first candidate that gives a full date-time, its missing zone taken from the page's own evidence. */
    private void resolveDate() {
        for (String[] c : dateCandidates) {
            String d = DateParser.parseMachine(c[1], zone);
            if (d != null) {
                published = d;
                publishedRule = c[0];
                return;
            }
        }
    }

    private void jsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            if (data.length() > 2_000_000) {
                continue;
            }
            try {
                JsonNode root = JSON.readTree(data.strip());
                visit(root, 0);
            } catch (JsonProcessingException | RuntimeException e) {
                // malformed JSON-LD is common; the other sources still apply
            }
        }
    }

    private void visit(JsonNode node, int depth) {
        if (node == null || depth > 6) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                visit(n, depth + 1);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.has("@graph")) {
            visit(node.get("@graph"), depth + 1);
        }
        if (!isArticle(node.get("@type"))) {
            if (node.has("mainEntity")) {
                visit(node.get("mainEntity"), depth + 1);
            }
            return;
        }
        boolean webPage = typeText(node.get("@type")).contains("webpage");
        if (webPage && (published != null || title != null)) {
            return;
        }
        if (title == null && !webPage) {
            title = text(node.get("headline"));
        }
        dateCandidate("json-ld", text(node.get("datePublished")));
        dateCandidate("json-ld", text(node.get("dateCreated")));
        zoneEvidence(text(node.get("dateModified")));
        if (authors.isEmpty()) {
            addPeople(node.get("author"));
        }
        if (siteName == null) {
            JsonNode pub = node.get("publisher");
            if (pub != null && pub.isArray() && !pub.isEmpty()) {
                pub = pub.get(0);
            }
            if (pub != null) {
                siteName = pub.isObject() ? text(pub.get("name")) : text(pub);
            }
        }
        if (articleBody == null) {
            articleBody = text(node.get("articleBody"));
        }
    }

    private void addPeople(JsonNode author) {
        if (author == null) {
            return;
        }
        if (author.isArray()) {
            for (JsonNode a : author) {
                addPeople(a);
            }
            return;
        }
        String name = author.isObject() ? text(author.get("name")) : text(author);
        addAuthor(name);
    }

    private void addAuthor(String raw) {
        if (raw == null) {
            return;
        }
        String name = BY_PREFIX.matcher(raw.strip()).replaceFirst("").strip();
        if (name.isEmpty() || name.length() > 80 || URLISH.matcher(name).matches()) {
            return;
        }
        for (String a : authors) {
            if (a.equalsIgnoreCase(name)) {
                return;
            }
        }
        if (authors.size() < 20) {
            authors.add(name);
        }
    }

    private static boolean isArticle(JsonNode type) {
        String t = typeText(type);
        for (String part : t.split(",")) {
            if (ARTICLE_TYPES.contains(part.strip())) {
                return true;
            }
        }
        return false;
    }

    private static String typeText(JsonNode type) {
        if (type == null) {
            return "";
        }
        if (type.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode t : type) {
                sb.append(t.asText("").toLowerCase(Locale.ROOT)).append(',');
            }
            return sb.toString();
        }
        return type.asText("").toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : text(n.get(0));
        }
        if (n.isObject()) {
            return text(n.has("@value") ? n.get("@value") : n.get("name"));
        }
        String s = n.asText("").strip();
        return s.isEmpty() ? null : s;
    }

    private void meta(Document doc) {
        Element html = doc.selectFirst("html");
        if (html != null && !html.attr("lang").isBlank()) {
            language = html.attr("lang").strip();
        }
        java.util.Map<String, String> metas = new java.util.HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String key = m.hasAttr("property")
                    ? m.attr("property")
                    : m.hasAttr("name") ? m.attr("name") : m.attr("itemprop");
            key = key.toLowerCase(Locale.ROOT).strip();
            String content = m.hasAttr("content")
                    ? m.attr("content").strip()
                    : m.attr("datetime").strip();
            if (key.isEmpty() || content.isEmpty()) {
                continue;
            }
            metas.putIfAbsent(key, content);
            if (zone == null && (key.contains("time") || key.contains("date") || key.contains("modified"))) {
                zoneEvidence(content);
            }
            switch (key) {
                case "og:title", "twitter:title" -> {
                    if (title == null) {
                        title = content;
                    }
                }
                case "og:site_name", "application-name" -> {
                    if (siteName == null) {
                        siteName = content;
                    }
                }
                case "og:url" -> {
                    if (canonical == null && URLISH.matcher(content).matches()) {
                        canonical = content;
                    }
                }
                case "og:locale", "content-language", "language", "dc.language" -> {
                    if (language == null) {
                        language = content;
                    }
                }
                default -> {}
            }
        }
        for (String key : DATE_META) {
            dateCandidate("meta:" + key, metas.get(key));
        }
        if (authors.isEmpty()) {
            for (String key : AUTHOR_META) {
                String v = metas.get(key);
                if (v != null && !URLISH.matcher(v).matches()) {
                    for (String part : v.split("\\s*(?:,|;|\\band\\b|\\bdan\\b|&)\\s*")) {
                        addAuthor(part);
                    }
                    if (!authors.isEmpty()) {
                        break;
                    }
                }
            }
        }
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            String href = link.absUrl("href");
            canonical = href.isEmpty() ? link.attr("href") : href;
        }
        Element time = doc.selectFirst("article time[datetime], time[pubdate][datetime], time[itemprop=datePublished]");
        if (time == null) {
            time = doc.selectFirst("time[datetime]");
        }
        if (time != null) {
            dateCandidate("time", time.attr("datetime"));
        }
        Element ip = doc.selectFirst("[itemprop=datePublished]");
        if (ip != null) {
            dateCandidate("itemprop", ip.hasAttr("content") ? ip.attr("content") : ip.text());
        }
        if (authors.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (Element a : doc.select("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]")) {
                String t = a.text().strip();
                if (!t.isEmpty() && t.length() < 80) {
                    names.add(t);
                }
                if (names.size() >= 5) {
                    break;
                }
            }
            names.forEach(this::addAuthor);
        }
    }
}
