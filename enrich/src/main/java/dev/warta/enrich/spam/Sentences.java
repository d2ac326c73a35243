package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;

/** Splits a paragraph into sentences at {@code .!?:} (or newlines) followed by whitespace; no regex. */
final class Sentences {
    private static final int MAX_SENTENCES = 400;

    private Sentences() {
    }

    static List<String> split(String p) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n && out.size() < MAX_SENTENCES; i++) {
            char c = p.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == ':') && i + 1 < n && Character.isWhitespace(p.charAt(i + 1))
                    && !abbreviation(p, i));
            if (end) {
                add(out, p, start, i + 1);
                start = i + 1;
            }
        }
        add(out, p, start, n);
        return out;
    }

    /** A dot after a one- or two-letter word (dr., no., H.) does not end a sentence. */
    private static boolean abbreviation(String p, int dot) {
        if (p.charAt(dot) != '.') {
            return false;
        }
        int k = dot - 1;
        while (k >= 0 && Character.isLetter(p.charAt(k))) {
            k--;
        }
        return dot - k - 1 <= 2 && dot - k - 1 > 0;
    }

    private static void add(List<String> out, String p, int from, int to) {
        String s = p.substring(from, to).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
