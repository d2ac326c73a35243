package dev.warta.enrich;

import dev.warta.enrich.extract.DateParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The headline of a text page. The first non-empty line is the title by convention, but real pages often start
 * with cruft instead ("comscore", "Get the App!", a date): then the headline is the line the page repeats near
 * its top (headline above and inside the article), or else the first line that reads like a headline.
 */
public final class TitleChooser {
    private static final int LOOK = 25;
    private static final Pattern PROMO = Pattern.compile(
            "(?i)\\b(app|apps|aplikasi|download|unduh|subscribe|langganan|advertisement|iklan|login|masuk|daftar|"
                    + "share|bagikan|read next|baca juga|scroll|cookie|newsletter)\\b");

    private TitleChooser() {}

    /** The title of a page whose first non-empty line is {@code firstLine} and whose whole text is {@code body}. */
    public static String choose(String firstLine, String body) {
        if (firstLine != null && headlineLike(firstLine)) {
            return firstLine.strip();
        }
        List<String> lines = new ArrayList<>();
        for (String l : body.split("\\R")) {
            String s = l.strip();
            if (!s.isEmpty()) {
                lines.add(s);
                if (lines.size() >= LOOK) {
                    break;
                }
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String l : lines) {
            counts.merge(l.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
        for (String l : lines) {
            if (counts.get(l.toLowerCase(Locale.ROOT)) > 1 && headlineLike(l)) {
                return l;
            }
        }
        for (String l : lines) {
            if (headlineLike(l)) {
                return l;
            }
        }
        return firstLine == null ? null : firstLine.strip();
    }

    /** Four to thirty words, not a date, not a prompt, not a sentence (headlines and captions differ by the full stop). */
    static boolean headlineLike(String line) {
        String s = line.strip();
        int words = s.split("\\s+").length;
        if (words < 4 || words > 30 || s.length() > 200) {
            return false;
        }
        if (PROMO.matcher(s).find()) {
            return false;
        }
        DateParser.Found date = DateParser.find(s);
        if (date != null && date.end() - date.start() > s.length() / 2) {
            return false;
        }
        return !s.endsWith(".");
    }
}
