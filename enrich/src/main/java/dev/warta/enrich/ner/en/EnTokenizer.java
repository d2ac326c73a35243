package dev.warta.enrich.ner.en;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits English text into sentences of tokens with char offsets, the way CoNLL-2003 (Reuters) is tokenized: words
 * keep inner hyphens, dots, apostrophes and ampersands ({@code U.S.}, {@code all-rounder}, {@code AT&T}), a
 * possessive is its own token ({@code Russia's} → {@code Russia}, {@code 's}), other punctuation stands alone.
 * Sentences end at {@code . ! ?} and at line breaks (a headline or dateline on its own line is its own sentence).
 * Linear time; no regular expressions.
 */
final class EnTokenizer {
    /** Longest token kept whole. */
    static final int MAX_TOKEN = 64;
    /** Longest sentence; longer runs are split so decoding stays linear. */
    static final int MAX_SENTENCE = 150;
    /** Abbreviations whose final dot belongs to the word (lowercase, without the dot). */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "jr", "sr",
            "inc", "corp", "co", "ltd", "no", "vs", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov",
            "dec", "mt", "ft", "adm", "maj", "pres", "rev", "hon", "messrs", "u.s", "u.n", "u.k", "e.u", "d.c", "l.a",
            "n.y", "ave", "blvd", "dept", "est", "approx", "etc");

    private EnTokenizer() {}

    /** A token: text and char offsets (end exclusive). */
    record Token(String text, int start, int end) {}

    /** Sentences of tokens of {@code text}. */
    static List<List<Token>> sentences(String text) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                flush(out, cur);
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < n) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        j++;
                    } else if ((d == '-'
                                    || d == '.'
                                    || d == '&'
                                    || d == '/'
                                    || d == ',' && Character.isDigit(text.charAt(j - 1)))
                            && j + 1 < n
                            && Character.isLetterOrDigit(text.charAt(j + 1))
                            && (d != ',' || Character.isDigit(text.charAt(j + 1)))) {
                        j++;
                    } else if ((d == '\'' || d == '’')
                            && j + 1 < n
                            && Character.isLetter(text.charAt(j + 1))
                            && !possessive(text, j)) {
                        j++; // O'Neill, don't
                    } else {
                        break;
                    }
                }
                // a trailing dot after an abbreviation or an initial ("U.S.", "Mr.", "J.") belongs to the word
                if (j < n && text.charAt(j) == '.') {
                    String w = text.substring(i, j);
                    if (ABBREVIATIONS.contains(w.toLowerCase(Locale.ROOT))
                            || w.length() == 1 && Character.isUpperCase(w.charAt(0))
                            || w.indexOf('.') > 0 && w.length() <= 8) {
                        j++;
                    }
                }
                j = Math.min(j, i + MAX_TOKEN);
                add(out, cur, new Token(text.substring(i, j), i, j));
                i = j;
                if (i < n && possessive(text, i)) {
                    int end = i + 2;
                    add(out, cur, new Token(text.substring(i, end), i, end));
                    i = end;
                }
                continue;
            }
            add(out, cur, new Token(text.substring(i, i + 1), i, i + 1));
            if ((c == '.' || c == '!' || c == '?')
                    && (i + 1 >= n
                            || Character.isWhitespace(text.charAt(i + 1))
                            || text.charAt(i + 1) == '"'
                            || text.charAt(i + 1) == '”')) {
                // a closing quote right after the stop stays in the sentence
                int q = i + 1;
                if (q < n && (text.charAt(q) == '"' || text.charAt(q) == '”')) {
                    add(out, cur, new Token(text.substring(q, q + 1), q, q + 1));
                    i = q;
                }
                flush(out, cur);
            }
            i++;
        }
        flush(out, cur);
        return out;
    }

    /** Whether {@code 's} / {@code ’s} starts at {@code i} and ends a word. */
    private static boolean possessive(String text, int i) {
        int n = text.length();
        if (i + 1 >= n || text.charAt(i) != '\'' && text.charAt(i) != '’') {
            return false;
        }
        char s = text.charAt(i + 1);
        return (s == 's' || s == 'S') && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)));
    }

    private static void add(List<List<Token>> out, List<Token> cur, Token t) {
        cur.add(t);
        if (cur.size() >= MAX_SENTENCE) {
            flush(out, cur);
        }
    }

    private static void flush(List<List<Token>> out, List<Token> cur) {
        if (!cur.isEmpty()) {
            out.add(new ArrayList<>(cur));
            cur.clear();
        }
    }

    /** The token texts of {@code text}, all sentences concatenated (for names in lists and tables). */
    static String[] words(String text) {
        List<String> out = new ArrayList<>();
        for (List<Token> s : sentences(text)) {
            for (Token t : s) {
                out.add(t.text());
            }
        }
        return out.toArray(new String[0]);
    }
}
