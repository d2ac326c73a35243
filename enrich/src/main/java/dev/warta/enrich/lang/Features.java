package dev.warta.enrich.lang;

/**
 * Turns text into hashed features: character n-grams (orders 1..{@link #MAX_ORDER}, words padded with a boundary
 * marker) and whole words. Shared by training and detection so both see exactly the same features. Lower-cases,
 * treats every non-letter as a word boundary, allocates nothing.
 */
final class Features {

    /** Longest character n-gram. */
    static final int MAX_ORDER = 5;
    /** Longest word (in chars) that still yields a word feature. */
    private static final int MAX_WORD = 24;

    private static final int BOUNDARY = ' ';
    private static final int WORD_SEED = 0x5bd1e995;

    /** Receives one feature bucket. */
    interface Sink {
        void accept(int bucket);
    }

    private Features() {}

    /**
     * Emits the features of {@code text[from, to)} into {@code sink}.
     *
     * @param bits log2 of the number of buckets
     * @return the number of letters seen
     */
    static int extract(CharSequence text, int from, int to, int bits, Sink sink) {
        final int shift = 32 - bits;
        // ring of the last MAX_ORDER normalized chars; starts after a virtual boundary
        int c1 = BOUNDARY, c2 = 0, c3 = 0, c4 = 0, c5 = 0;
        int filled = 1; // how many of c1..c5 are valid
        int wordHash = WORD_SEED;
        int wordLen = 0;
        int letters = 0;
        boolean lastBoundary = true;
        for (int i = from; i <= to; i++) {
            int c;
            if (i == to) {
                c = BOUNDARY;
            } else {
                char ch = text.charAt(i);
                if (ch < 128) {
                    if (ch >= 'a' && ch <= 'z') {
                        c = ch;
                    } else if (ch >= 'A' && ch <= 'Z') {
                        c = ch + 32;
                    } else {
                        c = BOUNDARY;
                    }
                } else if (Character.isLetter(ch)) {
                    c = Character.toLowerCase(ch);
                } else if (Character.getType(ch) == Character.NON_SPACING_MARK) {
                    continue; // combining diacritics stay attached to their letter
                } else {
                    c = BOUNDARY;
                }
            }
            if (c == BOUNDARY) {
                if (lastBoundary) {
                    continue;
                }
                lastBoundary = true;
                if (wordLen > 0 && wordLen <= MAX_WORD) {
                    sink.accept(mix(wordHash, 7) >>> shift);
                }
                wordHash = WORD_SEED;
                wordLen = 0;
            } else {
                lastBoundary = false;
                letters++;
                wordLen++;
                wordHash = (wordHash ^ c) * 0x01000193;
            }
            c5 = c4;
            c4 = c3;
            c3 = c2;
            c2 = c1;
            c1 = c;
            if (filled < MAX_ORDER) {
                filled++;
            }
            int h = 0x811c9dc5;
            h = (h ^ c1) * 0x01000193;
            if (c1 != BOUNDARY) {
                sink.accept(mix(h, 1) >>> shift);
            }
            if (filled < 2) {
                continue;
            }
            h = (h ^ c2) * 0x01000193;
            sink.accept(mix(h, 2) >>> shift);
            if (filled < 3 || c2 == BOUNDARY) {
                continue;
            }
            h = (h ^ c3) * 0x01000193;
            sink.accept(mix(h, 3) >>> shift);
            if (filled < 4 || c3 == BOUNDARY) {
                continue;
            }
            h = (h ^ c4) * 0x01000193;
            sink.accept(mix(h, 4) >>> shift);
            if (filled < 5 || c4 == BOUNDARY) {
                continue;
            }
            h = (h ^ c5) * 0x01000193;
            sink.accept(mix(h, 5) >>> shift);
        }
        return letters;
    }

    /** Hash of the lower-cased word {@code text[from, to)} (letters only), as used for word features. */
    static int wordHash(CharSequence text, int from, int to) {
        int h = WORD_SEED;
        for (int i = from; i < to; i++) {
            h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x01000193;
        }
        return h;
    }

    private static int mix(int h, int order) {
        h ^= order * 0x9E3779B9;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
