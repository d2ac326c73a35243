package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a paragraph into sentences at {@code .!?:} (or newlines) followed by whitespace; no regex. */
final class Sentences {
    private static final int MAX_SENTENCES = 400;

    private Sentences() {}

    static List<String> split(String p) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n && out.size() < MAX_SENTENCES; i++) {
            char c = p.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == ':')
                            && i + 1 < n
                            && Character.isWhitespace(p.charAt(i + 1))
                            && !abbreviation(p, i));
            if (end) {
                add(out, p, start, i + 1);
                start = i + 1;
            }
        }
        add(out, p, start, n);
        return out;
    }

    /** Short words that a dot after them abbreviates, whatever follows. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "no", "jl", "st", "mr", "ms", "vs", "hj", "ir", "sh", "pt", "tb", "cv", "kh", "drs", "jr", "sr", "mt",
            "ra");

    /**
     * A dot after a one- or two-letter word (dr., no., H.) does not end a sentence, unless a lower-case word ends
     * there and a capital starts the next sentence ("langsung jp. Pemerintah").
     */
    private static boolean abbreviation(String p, int dot) {
        if (p.charAt(dot) != '.') {
            return false;
        }
        int k = dot - 1;
        while (k >= 0 && Character.isLetter(p.charAt(k))) {
            k--;
        }
        int len = dot - k - 1;
        if (len <= 0 || len > 2) {
            return false;
        }
        String word = p.substring(k + 1, dot);
        if (ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT)) || Character.isUpperCase(word.charAt(0))) {
            return true;
        }
        int next = dot + 1;
        while (next < p.length() && Character.isWhitespace(p.charAt(next))) {
            next++;
        }
        return next >= p.length() || !Character.isUpperCase(p.charAt(next));
    }

    private static void add(List<String> out, String p, int from, int to) {
        String s = p.substring(from, to).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
