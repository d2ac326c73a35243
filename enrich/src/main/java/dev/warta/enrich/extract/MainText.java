package dev.warta.enrich.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the main text of a page: splits the body into text blocks (runs of inline content between block
 * elements), scores their containers readability-style (text length, commas, link density, class/id hints), then
 * decides inside the best container by structure, in any language: teaser lists (repeated same-class siblings that
 * are mostly a link or headline cards) and link clusters go; the story runs from the first to the last prose block
 * (kickers, bylines and labels before it go; after it only what continues it: link-free sentences, list items,
 * table cells); headings, lists and tables inside it stay. When that yields little the next candidates are tried.
 * Iterative traversals only, so any nesting depth is safe. One instance per call (holds per-page tables); not
 * shared.
 */
final class MainText {
    static final Set<String> DROP_TAGS = Set.of(
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "iframe",
            "button",
            "input",
            "select",
            "textarea",
            "nav",
            "aside",
            "footer",
            "figure",
            "figcaption",
            "picture",
            "video",
            "audio",
            "canvas",
            "object",
            "embed",
            "dialog",
            "menu",
            "head",
            "link",
            "meta",
            "form-ignored");
    private static final Set<String> INLINE = Set.of(
            "a", "b", "strong", "i", "em", "span", "u", "small", "sup", "sub", "font", "mark", "abbr", "cite", "q",
            "code", "time", "br", "s", "strike", "del", "ins", "bdi", "bdo", "big", "kbd", "var", "wbr", "tt",
            "acronym", "dfn", "label", "data", "img", "nobr");
    private static final Set<String> PARA_TAGS =
            Set.of("p", "h2", "h3", "h4", "h5", "h6", "pre", "li", "blockquote", "dd", "dt", "td", "th");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** List items and table cells: short texts that are article content when the list or table is. */
    private static final Set<String> STRUCTURED = Set.of("li", "dt", "dd", "td", "th");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");
    private static final Pattern PARA_BREAK = Pattern.compile("\\n[\\s\\u00A0]*\\n");

    private static final class Stats {
        int text;
        int link;
        boolean block;
        double score;
        boolean candidate;
    }

    private record Block(Element element, String text, int linkChars, int totalChars) {
        double linkDensity() {
            return totalChars == 0 ? 0 : (double) linkChars / totalChars;
        }
    }

    private final Map<Element, Stats> stats = new IdentityHashMap<>();
    private final ClassHints hints;
    private final Map<Element, Boolean> clusters = new IdentityHashMap<>();
    private final List<Block> blocks = new ArrayList<>();
    /** Candidate containers, best first. */
    private final List<Element> ranked = new ArrayList<>();
    /** Below this many characters of main text the next candidates are tried. */
    static final int MIN_TEXT = 250;

    /** Paragraphs of the main text of {@code body} (already stripped of {@link #DROP_TAGS}), or an empty list. */
    static List<String> paragraphs(Element body, String title, ClassHints hints) {
        return new MainText(hints).run(body, title);
    }

    private MainText(ClassHints hints) {
        this.hints = hints;
    }

    private List<String> run(Element body, String title) {
        measure(body);
        removeNegative(body);
        stats.clear();
        measure(body);
        collectBlocks(body);
        if (blocks.isEmpty()) {
            return List.of();
        }
        Element top = score(body);
        String normTitle = title == null ? "" : norm(title).toLowerCase(Locale.ROOT);
        List<String> out = textOf(top, normTitle);
        // the chosen block yields little (a lone list item, a teaser): the next candidates that are not inside it
        List<Element> tried = new ArrayList<>(List.of(top));
        for (int i = 0; i < ranked.size() && i < 8 && chars(out) < MIN_TEXT; i++) {
            Element c = ranked.get(i);
            if (related(c, tried)) {
                continue;
            }
            tried.add(c);
            List<String> alt = textOf(c, normTitle);
            if (chars(alt) > chars(out)) {
                out = alt;
            }
        }
        return out;
    }

    private static boolean related(Element c, List<Element> tried) {
        for (Element t : tried) {
            if (inAny(c, List.of(t)) || inAny(t, List.of(c))) {
                return true;
            }
        }
        return false;
    }

    static int chars(List<String> paragraphs) {
        int n = 0;
        for (String p : paragraphs) {
            n += p.length();
        }
        return n;
    }

    /** The story paragraphs inside {@code top}. */
    private List<String> textOf(Element top, String normTitle) {
        Set<Element> teasers = teaserItems(top);
        List<Block> inTop = new ArrayList<>();
        for (Block b : blocks) {
            if (inAny(b.element(), List.of(top))
                    && !inLinkCluster(b.element(), top)
                    && !inSet(b.element(), teasers, top)
                    && acceptable(b, normTitle)) {
                inTop.add(b);
            }
        }
        List<String> out = new ArrayList<>();
        for (Block b : storySpan(inTop)) {
            for (String p : PARA_BREAK.split(b.text())) {
                String t = norm(p);
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Prose: a long block with few links. The story starts at the first and (nearly) ends at the last. */
    private static boolean prose(Block b) {
        return b.totalChars() >= 80 && b.linkDensity() < 0.25;
    }

    /**
     * The blocks from the story's start to its end. Before the first prose block only headings, list items and
     * sentences stay (kickers, bylines, dates and share labels go); after the last one only the run that directly
     * continues it with link-free sentences, list items or table cells (an article ending in a list or a table),
     * so link lists, teaser headlines and labels after the story go.
     */
    private static List<Block> storySpan(List<Block> in) {
        Set<String> story = storyContainers(in);
        int first = -1;
        int last = -1;
        for (int i = 0; i < in.size(); i++) {
            if (prose(in.get(i))) {
                if (first < 0) {
                    first = i;
                }
                if (story.contains(containerOf(in.get(i)))) {
                    last = i;
                }
            }
        }
        if (first < 0) {
            return in;
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < first; i++) {
            Block b = in.get(i);
            String tag = b.element().normalName();
            if (HEADINGS.contains(tag) || STRUCTURED.contains(tag) || endsSentence(norm(b.text()))) {
                out.add(b);
            }
        }
        out.addAll(in.subList(first, last + 1));
        for (int i = last + 1; i < in.size(); i++) {
            Block b = in.get(i);
            boolean structured = STRUCTURED.contains(b.element().normalName()) && b.linkDensity() < 0.2;
            boolean sentence = b.linkChars() == 0 && endsSentence(norm(b.text()));
            if (!structured && !sentence) {
                break;
            }
            out.add(b);
        }
        return out;
    }

    /**
     * The kinds (tag and class) of the elements that hold the story's paragraphs: those holding three or more prose
     * blocks or a sixth of all prose characters. A lone prose block in a container of another kind after the
     * story (a newsletter box, an author bio) is not the story.
     */
    private static Set<String> storyContainers(List<Block> in) {
        Map<String, int[]> kinds = new java.util.HashMap<>();
        int total = 0;
        for (Block b : in) {
            if (prose(b)) {
                int[] k = kinds.computeIfAbsent(containerOf(b), x -> new int[2]);
                k[0]++;
                k[1] += b.totalChars();
                total += b.totalChars();
            }
        }
        Set<String> out = new java.util.HashSet<>();
        for (Map.Entry<String, int[]> e : kinds.entrySet()) {
            if (e.getValue()[0] >= 3 || e.getValue()[1] * 6 >= total) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static String containerOf(Block b) {
        Element e = b.element();
        Element p = e.normalName().equals("p") || e.normalName().equals("div") ? e.parent() : e;
        return p == null ? "" : p.normalName() + "." + p.className();
    }

    /**
     * Items of teaser lists inside {@code top}: three or more siblings of the same tag and
     * class (two when both are cards: a linked heading or image, or a headline link opening the item), each at most a few
     * hundred characters besides its links and mostly a link or holding a linked heading or linked image (headline cards of related, "more from" and most-read
     * feeds, in any language); with them the short heading that introduces the list.
     */
    private Set<Element> teaserItems(Element top) {
        Set<Element> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element parent : top.getAllElements()) {
            if (parent.childrenSize() < 2) {
                continue;
            }
            Map<String, List<Element>> groups = new java.util.HashMap<>();
            for (Element c : parent.children()) {
                String tag = c.normalName();
                if (tag.equals("p") || HEADINGS.contains(tag) || tag.equals("br") || tag.equals("tr")) {
                    continue;
                }
                groups.computeIfAbsent(tag + "." + c.className(), k -> new ArrayList<>())
                        .add(c);
            }
            for (List<Element> group : groups.values()) {
                if (group.size() < 2) {
                    continue;
                }
                List<Element> items = new ArrayList<>();
                int cards = 0;
                for (Element c : group) {
                    int t = teaserLike(c);
                    if (t > 0) {
                        items.add(c);
                        cards += t - 1;
                    }
                }
                if ((items.size() >= 3 && items.size() * 10 >= group.size() * 6)
                        || (cards >= 2 && cards == group.size())) {
                    out.addAll(items);
                    Element intro = items.get(0).previousElementSibling();
                    if (intro == null && parent != top) {
                        intro = parent.previousElementSibling();
                    }
                    Stats is = intro == null ? null : stats.get(intro);
                    if (is != null && is.text > 0 && is.text <= 80) {
                        out.add(intro);
                    }
                }
            }
        }
        return out;
    }

    /** 0: not a teaser; 1: mostly a link; 2: a card (a linked heading or linked image). */
    private int teaserLike(Element item) {
        Stats s = stats.get(item);
        if (s == null || s.text == 0 || s.text - s.link > 300) {
            return 0;
        }
        Elements links = item.getElementsByTag("a");
        for (Element a : links) {
            for (Element inner : a.getAllElements()) {
                if (inner.normalName().equals("img") || HEADINGS.contains(inner.normalName())) {
                    return 2;
                }
            }
            Element h = a.parent();
            if (h != null && HEADINGS.contains(h.normalName()) && h != item) {
                return 2;
            }
        }
        // a headline link that opens the item, followed by a short summary
        if (!links.isEmpty()) {
            String head = links.get(0).text();
            if (head.length() >= 15 && item.text().startsWith(head)) {
                return 2;
            }
        }
        return s.link * 2 >= s.text ? 1 : 0;
    }

    private static boolean inSet(Element e, Set<Element> set, Element top) {
        if (set.isEmpty()) {
            return false;
        }
        Element cur = e;
        while (cur != null && cur != top) {
            if (set.contains(cur)) {
                return true;
            }
            cur = cur.parent();
        }
        return false;
    }

    private boolean acceptable(Block b, String normTitle) {
        String text = norm(b.text());
        int len = text.length();
        if (len == 0) {
            return false;
        }
        String tag = b.element().normalName();
        double ld = b.linkDensity();
        if (ld > 0.5 || (ld > 0.25 && len < 80)) {
            return false;
        }
        if (tag.equals("h1")
                || (!normTitle.isEmpty() && text.toLowerCase(Locale.ROOT).equals(normTitle))) {
            return false;
        }
        if (STRUCTURED.contains(tag)) {
            return ld < 0.2;
        }
        return true;
    }

    /** True when an element between {@code e} and {@code top} is mostly links (a teaser or link list). */
    private boolean inLinkCluster(Element e, Element top) {
        Element cur = e;
        while (cur != null && cur != top) {
            Boolean known = clusters.get(cur);
            if (known != null) {
                return known;
            }
            Stats s = stats.get(cur);
            if (s != null && s.text >= 100 && s.link > s.text * 0.35 && s.score < s.text * 0.5) {
                clusters.put(e, true);
                return true;
            }
            cur = cur.parent();
        }
        clusters.put(e, false);
        return false;
    }

    private static boolean inAny(Element e, List<Element> containers) {
        for (Element c : containers) {
            if (e == c) {
                return true;
            }
        }
        Element p = e.parent();
        while (p != null) {
            for (Element c : containers) {
                if (p == c) {
                    return true;
                }
            }
            p = p.parent();
        }
        return false;
    }

    /**
     * The element that best holds the article: the one maximising good paragraph text inside it minus a share of
     * all other text inside it (navigation, teasers, link lists), nudged by class/id and tag hints.
     */
    private Element score(Element body) {
        List<Element> touched = new ArrayList<>();
        for (Block b : blocks) {
            String text = norm(b.text());
            int len = text.length();
            if (len < 25 || b.linkDensity() > 0.4) {
                continue;
            }
            double good = (len - b.linkChars()) * (1 + Math.min(commas(text), 10) * 0.02);
            if (!endsSentence(text)) {
                good *= 0.6;
            }
            Element e = b.element();
            while (e != null) {
                Stats st = stats(e);
                if (!st.candidate) {
                    st.candidate = true;
                    touched.add(e);
                }
                st.score += good;
                e = e == body ? null : e.parent();
            }
        }
        Element best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Map<Element, Double> values = new IdentityHashMap<>();
        for (Element c : touched) {
            Stats st = stats(c);
            double good = st.score;
            double other = Math.max(0, st.text - good);
            double v = good - 0.6 * other + bonus(c) * good;
            values.put(c, v);
            if (v > bestScore) {
                bestScore = v;
                best = c;
            }
        }
        ranked.addAll(touched);
        ranked.sort((a, b) -> Double.compare(values.get(b), values.get(a)));
        if (best == null) {
            best = root(blocks.get(0).element());
        }
        return firstOfStackedArticles(best);
    }

    /**
     * Infinite-scroll pages stack the next stories under the first one, each in its own {@code <article>}: when
     * {@code best} holds two or more sizeable, non-nested articles and the first carries a fair share of the text,
     * the first is the page's story.
     */
    private Element firstOfStackedArticles(Element best) {
        double total = stats(best).score;
        Element first = null;
        int big = 0;
        for (Element a : best.getElementsByTag("article")) {
            if (a == best || (first != null && a.parents().contains(first))) {
                continue;
            }
            Stats s = stats.get(a);
            if (s == null || s.score < Math.max(500, total * 0.15)) {
                continue;
            }
            if (first == null) {
                first = a;
            } else if (!a.parents().contains(first)) {
                big++;
            }
        }
        if (first != null && big >= 1 && stats(first).score >= total * 0.25) {
            return first;
        }
        return best;
    }

    private static boolean endsSentence(String t) {
        char c = t.charAt(t.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '”' || c == '’' || c == ')' || c == ':' || c == '»'
                || c == '。' || c == '」' || c == '…' || c == '\'';
    }

    private double bonus(Element e) {
        double s = 0;
        String tag = e.normalName();
        if (tag.equals("article") || tag.equals("main") || "articleBody".equals(e.attr("itemprop"))) {
            s += 0.1;
        }
        int h = hints.of(e);
        if ((h & ClassHints.NEGATIVE) != 0 && (h & ClassHints.POSITIVE) == 0) {
            s -= 0.2;
        } else if ((h & ClassHints.POSITIVE) != 0) {
            s += 0.05;
        }
        return s;
    }

    private static Element root(Element e) {
        Element r = e;
        while (r.parent() != null) {
            r = r.parent();
        }
        return r;
    }

    private static int commas(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                n++;
            }
        }
        return n;
    }

    private Stats stats(Element e) {
        return stats.computeIfAbsent(e, k -> new Stats());
    }

    /** Bottom-up text and link character counts and "has a block descendant" for every element. */
    private void measure(Element body) {
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            int n = visibleLength(t.getWholeText());
                            if (n == 0) {
                                return;
                            }
                            boolean inLink = false;
                            Node p = node.parentNode();
                            for (int i = 0; i < 4 && p instanceof Element pe; i++) {
                                if (pe.normalName().equals("a")) {
                                    inLink = true;
                                    break;
                                }
                                p = pe.parentNode();
                            }
                            if (node.parentNode() instanceof Element pe) {
                                Stats s = stats(pe);
                                s.text += n;
                                if (inLink) {
                                    s.link += n;
                                }
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && node != body) {
                            Stats s = stats(e);
                            if (!INLINE.contains(e.normalName())) {
                                s.block = true;
                            }
                            Element parent = e.parent();
                            if (parent != null) {
                                Stats ps = stats(parent);
                                ps.text += s.text;
                                ps.link += s.link;
                                ps.block |= s.block;
                            }
                        }
                    }
                },
                body);
    }

    private static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private void removeNegative(Element body) {
        int total = Math.max(1, stats(body).text);
        List<Element> doomed = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) {
                continue;
            }
            String tag = e.normalName();
            if (tag.equals("article") || tag.equals("main") || tag.equals("html") || tag.equals("body")) {
                continue;
            }
            int h = hints.of(e);
            if ((h & ClassHints.STRONG_NEGATIVE) != 0 && (h & ClassHints.POSITIVE) == 0) {
                doomed.add(e);
                continue;
            }
            if ((h & ClassHints.NEGATIVE) == 0 || (h & ClassHints.POSITIVE) != 0) {
                continue;
            }
            Stats s = stats.get(e);
            if (s == null) {
                continue;
            }
            double ld = s.text == 0 ? 0 : (double) s.link / s.text;
            // layout wrappers whose class happens to carry a boilerplate word but that hold story paragraphs
            boolean prose = s.text >= 600 && ld < 0.15 && directParagraphs(e) >= 3;
            if ((s.text < total * 0.25 && !prose) || ld > 0.35) {
                doomed.add(e);
            }
        }
        for (Element e : doomed) {
            if (e.parent() != null) {
                e.remove();
            }
        }
    }

    /** Paragraphs that are children of {@code e} or of its child divs. */
    private static int directParagraphs(Element e) {
        int n = 0;
        for (Element c : e.children()) {
            if (c.normalName().equals("p")) {
                n++;
            } else if (c.normalName().equals("div")) {
                for (Element g : c.children()) {
                    if (g.normalName().equals("p")) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** Splits the body into runs of inline content; each run is attributed to its nearest block element. */
    private void collectBlocks(Element body) {
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof Element e && isContainer(e)) {
                            StringBuilder sb = new StringBuilder();
                            int[] counts = new int[2];
                            for (Node child : e.childNodes()) {
                                if (child instanceof Element ce && isContainer(ce)) {
                                    flush(e, sb, counts);
                                } else {
                                    appendInline(child, sb, counts, false, 0);
                                }
                            }
                            flush(e, sb, counts);
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {}
                },
                body);
    }

    /** An element whose text is not part of its parent's inline flow. */
    private boolean isContainer(Element e) {
        if (!INLINE.contains(e.normalName())) {
            return true;
        }
        Stats s = stats.get(e);
        return s != null && s.block;
    }

    private void flush(Element e, StringBuilder sb, int[] counts) {
        if (counts[0] > 0) {
            blocks.add(new Block(e, sb.toString(), counts[1], counts[0]));
        }
        sb.setLength(0);
        counts[0] = 0;
        counts[1] = 0;
    }

    private static void appendInline(Node node, StringBuilder sb, int[] counts, boolean inLink, int depth) {
        if (node instanceof TextNode t) {
            String s = t.getWholeText();
            int n = visibleLength(s);
            counts[0] += n;
            if (inLink) {
                counts[1] += n;
            }
            sb.append(s);
        } else if (node instanceof Element e) {
            if (e.normalName().equals("br")) {
                sb.append('\n');
                return;
            }
            if (e.normalName().equals("img") || depth > 40) {
                return;
            }
            boolean link = inLink || e.normalName().equals("a");
            for (Node c : e.childNodes()) {
                appendInline(c, sb, counts, link, depth + 1);
            }
        }
    }

    /** Collapses whitespace runs (single line breaks included) to one space and strips. */
    static String norm(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }
}
