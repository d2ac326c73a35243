package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Hidden blocks of a raw page that carry gambling cues ({@code display:none}, {@code visibility:hidden},
 * {@code hidden} attribute, zero font size, off-screen positioning): the classic hacked-site link farm. Only when a
 * cheap scan finds a gambling word is the markup after each hiding trick parsed. Stateless and thread-safe.
 */
final class HtmlSignals {
    /** A hidden block: its text (normalised), raw text, number of links, and the cues it carries. */
    record Hidden(String normalized, String text, int links, SpamCues.Hits cues) {}

    private static final String[] HIDING = {
        "display:none",
        "display: none",
        "visibility:hidden",
        "visibility: hidden",
        " hidden",
        "font-size:0",
        "font-size: 0",
        "-9999px",
        "height:0",
        "height: 0"
    };
    /** Words that put a page under suspicion (plain "slot" is everywhere in ad markup, so it is not one). */
    private static final String[] GAMBLING = {
        "gacor",
        "togel",
        "maxwin",
        "judi online",
        "situs judi",
        "sbobet",
        "rtp live",
        "slot online",
        "slot88",
        "slot777",
        "situs slot",
        "casino online",
        "live casino",
        "link alternatif"
    };

    private static final int WINDOW = 4000;
    private static final int MAX_BLOCKS = 64;

    private HtmlSignals() {}

    /**
     * Hidden blocks with gambling cues; empty when there are none or the html is null/blank. Only a window of
     * markup after each hiding trick is parsed, never the whole page.
     */
    static List<Hidden> scan(String html) {
        if (html == null || html.isBlank() || html.length() > 5_000_000) {
            return List.of();
        }
        String lower = html.toLowerCase(Locale.ROOT);
        if (!containsAny(lower, GAMBLING)) {
            return List.of();
        }
        List<Hidden> out = new ArrayList<>();
        int blocks = 0;
        int from = 0;
        int[] next = new int[HIDING.length];
        java.util.Arrays.fill(next, -2);
        while (blocks < MAX_BLOCKS) {
            int at = nextHiding(lower, from, next);
            if (at < 0) {
                break;
            }
            int tag = lower.lastIndexOf('<', at);
            from = at + 8;
            if (tag < 0 || lower.indexOf('>', tag) < at) {
                continue; // the marker is not inside a start tag
            }
            blocks++;
            from = Math.max(from, lower.indexOf('>', at) + 1);
            Hidden h = judge(html.substring(tag, Math.min(html.length(), tag + WINDOW)));
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    private static Hidden judge(String fragment) {
        try {
            Element body = Jsoup.parseBodyFragment(fragment).body();
            Element e = body.children().isEmpty() ? body : body.child(0);
            String text = e.text();
            if (text.length() < 8) {
                return null;
            }
            TextNormalizer.Normalized n = TextNormalizer.normalize(text);
            SpamCues.Hits cues = SpamCues.of(n, text);
            int links = e.select("a[href]").size();
            if (cues.strong() && (cues.gambling() > 0 || (cues.brands() > 0 && links > 0))) {
                return new Hidden(n.text(), text, links, cues);
            }
            return null;
        } catch (RuntimeException ex) {
            return null; // unparsable markup: no html signal, the text cues still apply
        }
    }

    /** The next hiding marker at or after {@code from}; {@code next} caches each marker's next position. */
    private static int nextHiding(String lower, int from, int[] next) {
        int best = -1;
        for (int k = 0; k < HIDING.length; k++) {
            if (next[k] == -2 || (next[k] >= 0 && next[k] < from)) {
                next[k] = lower.indexOf(HIDING[k], from);
            }
            if (next[k] >= 0 && (best < 0 || next[k] < best)) {
                best = next[k];
            }
        }
        return best;
    }

    private static boolean containsAny(String s, String[] needles) {
        for (String n : needles) {
            if (s.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
