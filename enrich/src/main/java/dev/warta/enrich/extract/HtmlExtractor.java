package dev.warta.enrich.extract;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Main-text extraction from HTML: title, main text (paragraphs separated by a blank line), publication time with
 * the rule that found it, authors, site name, canonical URL and language hint.
 *
 * <p>Metadata comes from JSON-LD, meta tags, {@code link rel=canonical}, {@code <time datetime>}, then visible
 * date and byline elements (a date-time without a zone takes the zone the page states elsewhere, else is left
 * null, see {@link DateParser}); the main text from {@link MainText}'s block scoring after dropping hidden elements
 * ({@code hidden}, {@code display:none}, class {@code hidden}/{@code d-none}), checked against the JSON-LD
 * {@code articleBody} by {@link LdBody}. No site-specific rules.
 * Never throws: malformed HTML, binary garbage, huge pages (input is cut at {@value #MAX_CHARS} characters) and
 * deep nesting (the parser caps the tree depth; all traversals are iterative) give a result.
 *
 * <p>Thread-safe and stateless: build once, share. {@code new HtmlExtractor().extract(html, url).text()}.
 */
public final class HtmlExtractor {
    /** Pages longer than this are cut before parsing (bounded cost). */
    public static final int MAX_CHARS = 3_000_000;

    private static final int MAX_DEPTH = 256;
    private static final int MIN_TEXT = MainText.MIN_TEXT;
    private static final Set<String> RELAXED_KEEP = Set.of("aside");
    private static final Pattern TITLE_SUFFIX = Pattern.compile("\\s+[|\\-–—:•·»]\\s+[^|\\-–—:•·»]{2,60}$");
    private static final Set<String> DROP_ROLES = Set.of(
            "navigation",
            "dialog",
            "alertdialog",
            "banner",
            "complementary",
            "contentinfo",
            "search",
            "menu",
            "menubar",
            "toolbar");
    private static final Pattern BY_PREFIX =
            Pattern.compile("^(?i)(by|oleh|penulis|reporter|von|par|por|written by)\\s*:?\\s+");
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|\\band\\b|\\bdan\\b|&|\\|)\\s*");
    private static final Pattern CLASS_SPLIT = Pattern.compile("\\s+");
    private static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{L}[\\p{L}.'’-]*){0,4}$");

    /**
     * Extracts title, main text, date, authors, site name, canonical URL and language hint from {@code html}.
     * Never null; fields the page does not state are null (lists empty).
     */
    public Extracted extract(String html, String baseUrl) {
        try {
            return doExtract(html, baseUrl);
        } catch (RuntimeException | StackOverflowError e) {
            return new Extracted(null, "", null, null, List.of(), null, null, null);
        }
    }

    private Extracted doExtract(String html, String baseUrl) {
        String input = html == null ? "" : html;
        if (input.length() > MAX_CHARS) {
            input = input.substring(0, MAX_CHARS);
        }
        Parser parser = Parser.htmlParser();
        parser.setMaxDepth(MAX_DEPTH);
        Document doc = Jsoup.parse(input, baseUrl == null ? "" : baseUrl, parser);
        PageMetadata md = PageMetadata.read(doc);
        String title = title(doc, md);
        Element body = doc.body();
        String published = md.published;
        String rule = md.publishedRule;
        List<String> authors = new ArrayList<>(md.authors);
        if (body == null) {
            return new Extracted(title, "", published, rule, authors, md.siteName, md.canonical, md.language);
        }
        ClassHints hints = new ClassHints();
        if (published == null) {
            published = visibleDate(body, hints, md.zone);
            if (published != null) {
                rule = "visible";
            }
        }
        if (authors.isEmpty()) {
            authors.addAll(byline(body, hints));
        }
        dropHidden(body, false);
        List<String> paragraphs = LdBody.trim(MainText.paragraphs(body, title, hints), md.articleBody);
        if (chars(paragraphs) < MIN_TEXT) {
            paragraphs = fallback(paragraphs, input, baseUrl, parser, title, md.articleBody);
        }
        String text = String.join("\n\n", paragraphs);
        return new Extracted(title, text, published, rule, authors, md.siteName, md.canonical, md.language);
    }

    /**
     * When the chosen block yields little: the JSON-LD {@code articleBody}, or the page read again keeping what the
     * first pass drops as page furniture ({@code noscript} content, {@code aside}, {@code header}, landmark roles),
     * for pages that put the story there; whichever is longest.
     */
    private static List<String> fallback(
            List<String> paragraphs, String input, String baseUrl, Parser parser, String title, String articleBody) {
        List<String> best = paragraphs;
        if (articleBody != null && articleBody.length() <= 200_000) {
            List<String> ld = new ArrayList<>();
            for (String p : articleBody.split("\\s*\\n\\s*")) {
                String t = MainText.norm(p);
                if (!t.isEmpty()) {
                    ld.add(t);
                }
            }
            if (chars(ld) > chars(best)) {
                best = ld;
            }
        }
        if (chars(best) >= MIN_TEXT) {
            return best;
        }
        Document doc = Jsoup.parse(input, baseUrl == null ? "" : baseUrl, parser);
        Element body = doc.body();
        if (body == null) {
            return best;
        }
        for (Element ns : body.getElementsByTag("noscript")) {
            if (ns.childrenSize() == 0 && ns.text().isEmpty() && ns.data().contains("<")) {
                ns.html(ns.data());
            }
            ns.tagName("div");
        }
        dropHidden(body, true);
        List<String> relaxed = MainText.paragraphs(body, title, new ClassHints());
        return chars(relaxed) > chars(best) ? relaxed : best;
    }

    private static int chars(List<String> paragraphs) {
        return MainText.chars(paragraphs);
    }

    /**
     * Drops what is never shown or never the story: {@link MainText#DROP_TAGS}, hidden elements, landmark roles
     * other than the main one, modal dialogs. {@code relaxed} keeps {@code aside}, {@code header} and the roles
     * (the fallback pass for pages that put the story there).
     */
    private static void dropHidden(Element body, boolean relaxed) {
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String tag = e.normalName();
            boolean dropTag = MainText.DROP_TAGS.contains(tag) && !(relaxed && RELAXED_KEEP.contains(tag));
            if (dropTag
                    || hiddenNotStreamed(e)
                    || hiddenClass(e)
                    || (!relaxed && DROP_ROLES.contains(e.attr("role")))
                    || e.attr("aria-modal").equals("true")
                    || e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /**
     * {@code hidden} elements are dropped, except React server-streaming boundaries ({@code <div hidden id="S:1">}),
     * which hold the real content until a script moves it into place.
     */
    private static boolean hiddenNotStreamed(Element e) {
        return e.hasAttr("hidden") && !e.id().startsWith("S:");
    }

    /**
     * A class list that hides the element on every screen: a {@code hidden} / {@code d-none} / {@code is-hidden}
     * token with no responsive variant that shows it again ({@code md:block}, {@code d-md-block}). Paywall and
     * sign-in boxes ship in the page this way.
     */
    static boolean hiddenClass(Element e) {
        String cls = e.className();
        if (cls.isEmpty() || !(cls.contains("hidden") || cls.contains("d-none"))) {
            return false;
        }
        boolean hidden = false;
        for (String t : CLASS_SPLIT.split(cls.strip())) {
            if (t.equals("hidden") || t.equals("d-none") || t.equals("is-hidden")) {
                hidden = true;
            } else if (t.indexOf(':') >= 0 || (t.startsWith("d-") && !t.equals("d-none"))) {
                return false;
            }
        }
        return hidden;
    }

    private static String title(Document doc, PageMetadata md) {
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        String h1Text = h1 == null ? "" : MainText.norm(h1.text());
        String meta = md.title == null ? null : MainText.norm(md.title);
        if (meta != null && !meta.isEmpty()) {
            if (!h1Text.isEmpty()
                    && h1Text.length() < meta.length()
                    && meta.toLowerCase(Locale.ROOT).startsWith(h1Text.toLowerCase(Locale.ROOT))) {
                return h1Text;
            }
            return meta;
        }
        if (h1Text.length() >= 10 && h1Text.length() <= 300) {
            return h1Text;
        }
        String t = MainText.norm(doc.title());
        if (t.isEmpty()) {
            return h1Text.isEmpty() ? null : h1Text;
        }
        String cut = TITLE_SUFFIX.matcher(t).replaceFirst("");
        return cut.length() >= 10 ? cut : t;
    }

    /**
     * The first full date-time in a date-like element; a time written without a zone takes the page's zone from
     * its metadata or, failing that, the first zone written in another date-like element.
     */
    private static String visibleDate(Element body, ClassHints hints, ZoneOffset pageZone) {
        int seen = 0;
        ZoneOffset zone = pageZone;
        List<String> unresolved = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (++seen > 20_000) {
                break;
            }
            if ((hints.of(e) & ClassHints.DATE) == 0) {
                continue;
            }
            String text = ClassHints.boundedText(e, 300);
            if (text == null) {
                continue;
            }
            if (DateParser.find(text) == null) {
                continue;
            }
            if (unresolved.size() < 20) {
                unresolved.add(text);
            }
            if (zone == null) {
                zone = DateParser.statedZone(text);
            }
            if (zone != null && DateParser.parseText(text, zone) != null) {
                break;
            }
        }
        // in page order: the first date line that, with the page's zone if it lacks its own, is a full date-time
        for (String text : unresolved) {
            String d = DateParser.parseText(text, zone);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static List<String> byline(Element body, ClassHints hints) {
        List<String> out = new ArrayList<>();
        int seen = 0;
        for (Element e : body.getAllElements()) {
            if (++seen > 20_000) {
                break;
            }
            if ((hints.of(e) & ClassHints.BYLINE) == 0 && !e.attr("rel").equals("author")) {
                continue;
            }
            String text = ClassHints.boundedText(e, 120);
            if (text == null || text.isEmpty()) {
                continue;
            }
            text = BY_PREFIX.matcher(text).replaceFirst("");
            for (String part : NAME_SPLIT.split(text)) {
                String p = part.strip();
                if (NAME.matcher(p).matches() && p.contains(" ") && !out.contains(p)) {
                    out.add(p);
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }
}
