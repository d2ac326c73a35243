package dev.warta.enrich.spam;

import java.util.Collection;

/**
 * The cheap pre-filter: one pass over the characters of a paragraph, no allocation, that answers "certainly
 * clean" for plain text (ASCII and typographic punctuation only, no word from the spam lexicon, no token mixing
 * letters and digits, no spaced letters, no brand-like ending). Anything else goes through full normalisation,
 * cues and the model. Immutable and thread-safe.
 */
final class QuickFilter {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private final LongSet hashes;
    private final LongSet triggers;
    private final LongSet pairs;
    private final long[] endings;
    private final long[] endingMasks;
    private final int[] endingLengths;
    private final int shortText;

    /**
     * @param words cue words (any of them means "look closer")
     * @param triggerWords weak words that matter only in texts shorter than {@code shortText}
     * @param pairWords cue word pairs, "first second"
     */
    QuickFilter(
            Collection<String> words,
            Collection<String> triggerWords,
            Collection<String> pairWords,
            Collection<String> brandEndings,
            int shortText) {
        this.hashes = hashes(words);
        this.triggers = hashes(triggerWords);
        this.pairs = hashes(pairWords);
        this.endings = new long[brandEndings.size()];
        this.endingMasks = new long[brandEndings.size()];
        this.endingLengths = new int[brandEndings.size()];
        int k = 0;
        for (String e : brandEndings) {
            long packed = 0;
            for (int i = 0; i < e.length(); i++) {
                packed = (packed << 8) | e.charAt(i);
            }
            endings[k] = packed;
            endingMasks[k] = e.length() >= 8 ? -1L : (1L << (8 * e.length())) - 1;
            endingLengths[k++] = e.length();
        }
        this.shortText = shortText;
    }

    private static LongSet hashes(Collection<String> words) {
        LongSet set = new LongSet(words.size());
        for (String w : words) {
            set.add(hash(w));
        }
        return set;
    }

    /** Open-addressing set of non-zero longs; read-only after construction. */
    private static final class LongSet {
        private final long[] table;
        private final int mask;

        LongSet(int expected) {
            int size = Integer.highestOneBit(Math.max(4, expected * 4) - 1) << 1;
            table = new long[size];
            mask = size - 1;
        }

        void add(long v) {
            int i = slot(v);
            while (table[i] != 0 && table[i] != v) {
                i = (i + 1) & mask;
            }
            table[i] = v;
        }

        boolean contains(long v) {
            int i = slot(v);
            while (table[i] != 0) {
                if (table[i] == v) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        private int slot(long v) {
            return (int) (v ^ (v >>> 29)) & mask;
        }
    }

    static long hash(String w) {
        long h = OFFSET;
        for (int i = 0; i < w.length(); i++) {
            h = (h ^ w.charAt(i)) * PRIME;
        }
        return h;
    }

    /** True when the text certainly carries no spam cue; false means "look closer". */
    boolean certainlyClean(String s) {
        int n = Math.min(s.length(), TextNormalizer.MAX_CHARS);
        boolean isShort = s.length() < shortText;
        long h = OFFSET;
        long pair = OFFSET;
        long prev = 0;
        long tail = 0;
        long squeezed = OFFSET;
        int len = 0;
        boolean letter = false;
        boolean digit = false;
        char last = 0;
        int singles = 0;
        int shorts = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                h = (h ^ c) * PRIME;
                pair = (pair ^ c) * PRIME;
                tail = (tail << 8) | c;
                if (c != last) {
                    squeezed = (squeezed ^ c) * PRIME;
                }
                letter |= c >= 'a';
                digit |= c <= '9';
                last = c;
                len++;
                continue;
            }
            if (c >= 128 && !typographic(c)) {
                return false;
            }
            if (len > 0) {
                if ((letter && digit && len > 3 && !moneyOrCode(s, i - len))
                        || hashes.contains(h)
                        || (prev != 0 && pairs.contains(pair))
                        || (isShort && triggers.contains(h))) {
                    return false;
                }
                prev = h;
                if (len >= 5 && squeezed != h && hashes.contains(squeezed)) {
                    return false;
                }
                if (len >= 6 && hasEnding(tail, len)) {
                    return false;
                }
                singles = len == 1 && c != '.' ? singles + 1 : 0;
                shorts = len <= 2 && letter && c != '.' ? shorts + 1 : 0;
                if (singles >= 3 || shorts >= 4) {
                    return false;
                }
            } else if (c == '.') {
                singles = 0;
                shorts = 0;
            }
            if (len > 0) {
                pair = (prev ^ ' ') * PRIME; // a pair hashes as "first second"
            }
            h = OFFSET;
            squeezed = OFFSET;
            tail = 0;
            len = 0;
            letter = false;
            digit = false;
            last = 0;
        }
        return true;
    }

    /** Rp55, G20-like codes: letters+digits tokens that are never leetspeak or brands. */
    private static boolean moneyOrCode(String s, int start) {
        char a = s.charAt(start);
        char b = s.charAt(start + 1);
        return (a == 'R' || a == 'r') && (b == 'p' || b == 'P');
    }

    private boolean hasEnding(long tail, int len) {
        for (int k = 0; k < endings.length; k++) {
            if (len > endingLengths[k] && (tail & endingMasks[k]) == endings[k]) {
                return true;
            }
        }
        return false;
    }

    /** Quotes, dashes, ellipsis, no-break and other spaces, bullets, degree and currency signs used in news. */
    private static boolean typographic(char c) {
        return (c >= 0x2010 && c <= 0x2027)
                || c == 0x00A0
                || c == 0x00B0
                || c == 0x00AB
                || c == 0x00BB
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x202F
                || c == 0x00B7
                || c == 0x00D7
                || c == 0x20AC
                || c == 0x00A9
                || c == 0x00AE
                || c == 0x2122;
    }
}
