package dev.warta.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * What an element's {@code class} and {@code id} suggest (boilerplate, content, date, byline), memoised per
 * distinct class/id string: pages repeat a few hundred class strings thousands of times, and matching each
 * once keeps the keyword patterns off the hot path. One instance per page; not thread-safe.
 */
final class ClassHints {
    static final int NEGATIVE = 1;
    static final int POSITIVE = 2;
    static final int DATE = 4;
    static final int BYLINE = 8;
    /** Never article text whatever its size: consent dialogs, comment threads. */
    static final int STRONG_NEGATIVE = 16;

    private static final String[] NEG = {
        "comment",
        "share",
        "sharing",
        "social",
        "related",
        "recommend",
        "newsletter",
        "subscri",
        "promo",
        "sponsor",
        "advert",
        "banner",
        "popup",
        "modal",
        "cookie",
        "consent",
        "footer",
        "sidebar",
        "widget",
        "breadcrumb",
        "author-bio",
        "authorbio",
        "caption",
        "credit",
        "menu",
        "signup",
        "paywall-promo",
        "readmore",
        "read-more",
        "more-stories",
        "trending",
        "popular",
        "outbrain",
        "taboola",
        "teaser",
        "print",
        "toolbar",
        "hidden",
        "masthead",
        "rating",
        "pagination",
        "pager",
        "disclaimer",
        "copyright",
        "skip",
        "lightbox",
        "gallery",
        "slideshow",
        "video",
        "player",
        "login",
        "alert",
        "most-read",
        "mostread",
        "also-read",
        "baca-juga",
        "bacajuga",
        "terkait",
        "lainnya",
        "headlines",
        "podcast",
        "onetrust",
        "gdpr",
        "privacy"
    };
    /** Whole tokens (class words split at space, '_' and '-') that mark boilerplate. */
    private static final Set<String> NEG_TOKENS =
            Set.of("ad", "ads", "tag", "tags", "nav", "navbar", "navigation", "share", "topics");

    private static final String[] POS = {
        "article",
        "body",
        "content",
        "story",
        "text",
        "entry",
        "post",
        "main",
        "detail",
        "paragraph",
        "prose",
        "isi",
        "berita",
        "rich"
    };
    private static final String[] DATE_WORDS = {
        "date", "time", "publish", "posted", "dateline", "tanggal", "waktu", "tgl", "meta", "byline"
    };
    private static final String[] BYLINE_WORDS = {"byline", "author", "penulis", "reporter", "writer", "contributor"};
    private static final String[] STRONG = {
        "cookie", "consent", "onetrust", "gdpr", "disqus", "comments", "comment-", "comment_"
    };

    private final Map<String, Integer> cache = new HashMap<>();

    /** Bit set of {@link #NEGATIVE}, {@link #POSITIVE}, {@link #DATE}, {@link #BYLINE} for {@code e}. */
    int of(Element e) {
        String cls = e.attr("class");
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return 0;
        }
        String key = cls + " " + id;
        Integer v = cache.get(key);
        if (v == null) {
            String k = key.toLowerCase(Locale.ROOT);
            int bits = 0;
            if (containsAny(k, NEG) || hasToken(k, NEG_TOKENS)) {
                bits |= NEGATIVE;
            }
            if (containsAny(k, POS)) {
                bits |= POSITIVE;
            }
            if (containsAny(k, DATE_WORDS)) {
                bits |= DATE;
            }
            if (containsAny(k, STRONG)) {
                bits |= STRONG_NEGATIVE;
            }
            if (containsAny(k, BYLINE_WORDS)) {
                bits |= BYLINE;
            }
            v = bits;
            if (cache.size() < 50_000) {
                cache.put(key, v);
            }
        }
        return v;
    }

    private static boolean containsAny(String k, String[] words) {
        for (String w : words) {
            if (k.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasToken(String k, Set<String> tokens) {
        int start = 0;
        int n = k.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? k.charAt(i) : ' ';
            if (c == ' ' || c == '_' || c == '-') {
                if (i > start && tokens.contains(k.substring(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    /** The text of {@code e} if it is at most {@code max} characters long, else null (stops early). */
    static String boundedText(Element e, int max) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.filter(
                new NodeFilter() {
                    @Override
                    public FilterResult head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            sb.append(t.text()).append(' ');
                            if (sb.length() > max) {
                                return FilterResult.STOP;
                            }
                        }
                        return FilterResult.CONTINUE;
                    }
                },
                e);
        return sb.length() > max ? null : MainText.norm(sb.toString());
    }
}
