package dev.warta.enrich.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into sentences of tokens with offsets. Words are runs of letters, digits and marks (with inner
 * apostrophes and abbreviation dots such as {@code U.S.}); every other non-space char is its own token. Linear
 * time, no regular expressions. {@link Cursor} walks the sentences of one text without a per-token object (the
 * tagger's hot path); {@link #sentences} collects them as lists.
 */
public final class NerTokenizer {
    /** Longest token kept whole; longer runs are cut (garbage input must stay cheap). */
    static final int MAX_TOKEN = 64;
    /** Longest sentence; longer runs are split so decoding stays linear. */
    static final int MAX_SENTENCE = 120;

    private NerTokenizer() {}

    /** Tokens of {@code text}, grouped into sentences. */
    public static List<List<NerToken>> sentences(String text) {
        List<List<NerToken>> out = new ArrayList<>();
        Cursor c = new Cursor(text);
        while (c.next()) {
            List<NerToken> cur = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                cur.add(new NerToken(c.token(i), c.start(i), c.end(i)));
            }
            out.add(cur);
        }
        return out;
    }

    /**
     * The sentences of one text, one at a time: {@link #next} moves to the next non-empty sentence, then
     * {@link #tokens}, {@link #start} and {@link #end} describe it. Buffers are reused from sentence to sentence.
     * Not thread-safe; one per call.
     */
    static final class Cursor {
        private final String text;
        private int pos;
        private int size;
        private String[] tokens;
        private int[] starts;
        private int[] ends;

        Cursor(String text) {
            this(text, 32);
        }

        /** A cursor whose buffers start at {@code capacity} tokens (they grow as needed). */
        Cursor(String text, int capacity) {
            this.text = text;
            int cap = Math.max(1, capacity);
            tokens = new String[cap];
            starts = new int[cap];
            ends = new int[cap];
        }

        /** Reads the next sentence; false at the end of the text. */
        boolean next() {
            size = 0;
            String t = text;
            int n = t.length();
            int i = pos;
            while (i < n) {
                char c = t.charAt(i);
                if (c == '\n') {
                    // a blank line or a line break ends a sentence (titles, captions, list items)
                    i++;
                    if (size > 0) {
                        break;
                    }
                    continue;
                }
                if (c == ' ' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                    i++;
                    continue;
                }
                int start = i;
                i = tokenEnd(t, i);
                add(t.substring(start, i), start, i);
                if (endsSentence(t, start, i) || size >= MAX_SENTENCE) {
                    break;
                }
            }
            pos = i;
            return size > 0;
        }

        /** Tokens in the current sentence. */
        int size() {
            return size;
        }

        /** The current sentence's tokens, in a new array of exactly {@link #size} elements. */
        String[] tokens() {
            return Arrays.copyOf(tokens, size);
        }

        String token(int i) {
            return tokens[i];
        }

        /** Offset of token {@code i} in the text. */
        int start(int i) {
            return starts[i];
        }

        /** End offset (exclusive) of token {@code i} in the text. */
        int end(int i) {
            return ends[i];
        }

        private void add(String tok, int start, int end) {
            if (size == tokens.length) {
                int cap = Math.min(MAX_SENTENCE, size * 2);
                tokens = Arrays.copyOf(tokens, cap);
                starts = Arrays.copyOf(starts, cap);
                ends = Arrays.copyOf(ends, cap);
            }
            tokens[size] = tok;
            starts[size] = start;
            ends[size] = end;
            size++;
        }
    }

    /** End of the token that starts at {@code start} (a non-space char). */
    private static int tokenEnd(String text, int start) {
        int n = text.length();
        int i = start;
        if (!isWordChar(text, i)) {
            return i + charCount(text, i);
        }
        i += charCount(text, i);
        while (i < n && i - start < MAX_TOKEN) {
            if (isWordChar(text, i)) {
                i += charCount(text, i);
            } else if ((text.charAt(i) == '\'' || text.charAt(i) == '’')
                    && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))
                    && i > start) {
                i++;
            } else if (text.charAt(i) == '.'
                    && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))
                    && i + 2 < n
                    && text.charAt(i + 2) == '.'
                    && i - start == 1) {
                // U.S. / A.S. style abbreviations: letter . letter .
                i += 3;
                while (i + 1 < n && Character.isLetter(text.charAt(i)) && text.charAt(i + 1) == '.') {
                    i += 2;
                }
            } else {
                break;
            }
        }
        return i;
    }

    /** Chars taken by the code point at {@code i}: 2 for a surrogate pair, else 1. */
    private static int charCount(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))
                ? 2
                : 1;
    }

    private static boolean isWordChar(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        int cp = Character.isSurrogate(c) ? text.codePointAt(i) : c;
        return Character.isLetterOrDigit(cp)
                || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
    }

    /** Whether the one-char token {@code [start, end)} ends a sentence. */
    private static boolean endsSentence(String text, int start, int end) {
        if (end - start != 1) {
            return false;
        }
        char c = text.charAt(start);
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
