package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Hidden blocks of a raw page that carry gambling cues ({@code display:none}, {@code visibility:hidden},
 * {@code hidden} attribute, zero font size, off-screen positioning): the classic hacked-site link farm. The page is
 * parsed only when a cheap scan finds both a hiding trick and a gambling word. Stateless and thread-safe.
 */
final class HtmlSignals {
    /** A hidden block: its text (normalised), raw text, number of links, and the cues it carries. */
    record Hidden(String normalized, String text, int links, SpamCues.Hits cues) {
    }

    private static final String[] HIDING = {"display:none", "display: none", "visibility:hidden",
        "visibility: hidden", " hidden", "font-size:0", "font-size: 0", "-9999px", "height:0", "height: 0"};
    private static final String[] GAMBLING = {"slot", "togel", "gacor", "judi", "casino", "maxwin", "toto",
        "sbobet", "4d", "88", "777"};
    private static final String QUERY = "[style*=display:none], [style*=display: none], [style*=visibility:hidden],"
            + " [style*=visibility: hidden], [hidden], [style*=font-size:0], [style*=font-size: 0],"
            + " [style*=-9999px], [style*=height:0], [style*=height: 0]";

    private HtmlSignals() {
    }

    /** Hidden blocks with gambling cues; empty when there are none or the html is null/blank. */
    static List<Hidden> scan(String html) {
        if (html == null || html.isBlank() || html.length() > 5_000_000) {
            return List.of();
        }
        String lower = html.toLowerCase(Locale.ROOT);
        if (!containsAny(lower, HIDING) || !containsAny(lower, GAMBLING)) {
            return List.of();
        }
        List<Hidden> out = new ArrayList<>();
        try {
            Document doc = Jsoup.parse(html);
            for (Element e : doc.select(QUERY)) {
                String text = e.text();
                if (text.length() < 8) {
                    continue;
                }
                TextNormalizer.Normalized n = TextNormalizer.normalize(text);
                SpamCues.Hits cues = SpamCues.of(n, text);
                int links = e.select("a[href]").size();
                if (cues.strong() && (cues.gambling() > 0 || (cues.brands() > 0 && links > 0))) {
                    out.add(new Hidden(n.text(), text, links, cues));
                }
            }
        } catch (RuntimeException e) {
            return List.of(); // unparsable page: no html signal, the text cues still apply
        }
        return out;
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
