package dev.warta.enrich.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into sentences of tokens with offsets. Words are runs of letters, digits and marks (with inner
 * apostrophes and abbreviation dots such as {@code U.S.}); every other non-space char is its own token. Linear
 * time, no regular expressions.
 */
final class NerTokenizer {
    /** Longest token kept whole; longer runs are cut (garbage input must stay cheap). */
    static final int MAX_TOKEN = 64;
    /** Longest sentence; longer runs are split so decoding stays linear. */
    static final int MAX_SENTENCE = 120;

    private NerTokenizer() {
    }

    /** Tokens of {@code text}, grouped into sentences. */
    static List<List<NerToken>> sentences(String text) {
        List<List<NerToken>> out = new ArrayList<>();
        List<NerToken> cur = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                // a blank line or a line break ends a sentence (titles, captions, list items)
                flush(out, cur);
                cur = new ArrayList<>();
                i++;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
                continue;
            }
            int start = i;
            if (isWordChar(text, i)) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                while (i < n && i - start < MAX_TOKEN) {
                    if (isWordChar(text, i)) {
                        i += Character.charCount(text.codePointAt(i));
                    } else if ((text.charAt(i) == '\'' || text.charAt(i) == '’') && i + 1 < n
                            && Character.isLetter(text.charAt(i + 1)) && i > start) {
                        i++;
                    } else if (text.charAt(i) == '.' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                            && i + 2 < n && text.charAt(i + 2) == '.' && i - start == 1) {
                        // U.S. / A.S. style abbreviations: letter . letter .
                        i += 3;
                        while (i + 1 < n && Character.isLetter(text.charAt(i)) && text.charAt(i + 1) == '.') {
                            i += 2;
                        }
                    } else {
                        break;
                    }
                }
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
            String tok = text.substring(start, i);
            cur.add(new NerToken(tok, start, i));
            if (endsSentence(text, tok, i) || cur.size() >= MAX_SENTENCE) {
                flush(out, cur);
                cur = new ArrayList<>();
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<List<NerToken>> out, List<NerToken> cur) {
        if (!cur.isEmpty()) {
            out.add(cur);
        }
    }

    private static boolean isWordChar(String text, int i) {
        int cp = text.codePointAt(i);
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean endsSentence(String text, String tok, int end) {
        if (tok.length() != 1) {
            return false;
        }
        char c = tok.charAt(0);
        if (c != '.' && c != '!' && c != '?') {
            return false;
        }
        // followed by whitespace (or end) and then not a lowercase letter
        int j = end;
        int n = text.length();
        if (j < n && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '"' && text.charAt(j) != '”') {
            return false;
        }
        while (j < n && (Character.isWhitespace(text.charAt(j)) || text.charAt(j) == '"' || text.charAt(j) == '”')) {
            j++;
        }
        return j >= n || !Character.isLowerCase(text.charAt(j));
    }
}
