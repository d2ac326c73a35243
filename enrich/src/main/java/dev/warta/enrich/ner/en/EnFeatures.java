package dev.warta.enrich.ner.en;

/**
 * Hashed features of one English sentence: word and lowercase word, shapes, prefixes and suffixes up to 4 chars,
 * neighbouring words (±2) and shapes, word bigrams, sentence start, the sentence's case mode (ordinary, all
 * capitals as in headlines, all lowercase), word clusters and capitalisation class of the word and its neighbours,
 * gazetteer matches and the position in a run of capitalised words. Every token gets {@link #COUNT} feature ids in
 * {@code [0, 2^bits)}; strings are hashed char by char.
 */
final class EnFeatures {
    static final int COUNT = 38;
    static final int MODE_CASED = 0;
    static final int MODE_UPPER = 1;
    static final int MODE_LOWER = 2;
    private static final int BOS = 0x2545F491;
    private static final int EOS = 0x4F1BBCDC;

    private EnFeatures() {}

    /** A sentence prepared for feature extraction. */
    static final class Sentence {
        final String[] tokens;
        final String[] lower;
        final int mode;
        /** {@link EnLexicon#info} per token. */
        final int[] info;
        /** Gazetteer code per token: kind * 4 + position (1 begin, 2 inside, 3 whole); 0 none. */
        final int[] gaz;

        Sentence(String[] tokens, String[] lower, int mode, int[] info, int[] gaz) {
            this.tokens = tokens;
            this.lower = lower;
            this.mode = mode;
            this.info = info;
            this.gaz = gaz;
        }
    }

    static Sentence prepare(String[] tokens, EnLexicon lex) {
        return prepare(tokens, lex, null);
    }

    /**
     * Like {@link #prepare(String[], EnLexicon)}, looking up word info only for the tokens within one of those marked
     * in {@code near} (null: all) when the sentence is cased: the only ones {@link #extract} reads it for when given
     * the same marks.
     */
    static Sentence prepare(String[] tokens, EnLexicon lex, boolean[] near) {
        int n = tokens.length;
        String[] lower = new String[n];
        int[] info = new int[n];
        boolean anyUpper = false;
        boolean anyLower = false;
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            lower[i] = EnLexicon.lower(t);
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                anyUpper |= Character.isUpperCase(c);
                anyLower |= Character.isLowerCase(c);
            }
        }
        int mode = anyLower ? anyUpper ? MODE_CASED : MODE_LOWER : MODE_UPPER;
        for (int i = 0; i < n; i++) {
            if (mode != MODE_CASED || near == null || near[i] || i > 0 && near[i - 1] || i + 1 < n && near[i + 1]) {
                info[i] = lex.info(lower[i]);
            }
        }
        int[] gaz = new int[n];
        for (int i = 0; i < n; ) {
            boolean startsName = mode != MODE_CASED || startsUpperOrDigit(tokens[i]);
            int max = startsName ? Math.min(lex.longestFrom(lower[i]), n - i) : 0;
            int matched = 0;
            if (max > 0) {
                StringBuilder sb = new StringBuilder(lower[i]);
                int[] kinds = new int[max + 1];
                kinds[1] = lex.kind(lower[i]);
                for (int len = 2; len <= max; len++) {
                    sb.append(' ').append(lower[i + len - 1]);
                    kinds[len] = lex.kind(sb.toString());
                }
                for (int len = max; len >= 1; len--) {
                    if (kinds[len] != 0) {
                        matched = len;
                        int kind = kinds[len];
                        for (int k = 0; k < len; k++) {
                            gaz[i + k] = kind * 4 + (len == 1 ? 3 : k == 0 ? 1 : 2);
                        }
                        break;
                    }
                }
            }
            i += Math.max(1, matched);
        }
        return new Sentence(tokens, lower, mode, info, gaz);
    }

    private static boolean startsUpperOrDigit(String t) {
        char c = t.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c);
    }

    /** Feature ids of every token into {@code out} ({@code n * COUNT}). */
    static void extract(Sentence s, int mask, int[] out) {
        extract(s, mask, out, null);
    }

    /** Feature ids of the tokens marked in {@code active} (null: all) into {@code out} ({@code n * COUNT}). */
    static void extract(Sentence s, int mask, int[] out, boolean[] active) {
        int n = s.tokens.length;
        int[] lw = new int[n];
        int[] ex = new int[n];
        int[] sh = new int[n];
        int[] run = new int[n];
        for (int i = 0; i < n; i++) {
            if (active != null && !near(active, i)) {
                continue;
            }
            lw[i] = hash(s.lower[i], 0, s.lower[i].length(), 11);
            ex[i] = hash(s.tokens[i], 0, s.tokens[i].length(), 13);
            sh[i] = shape(s.tokens[i]);
        }
        for (int i = 0; i < n; ) {
            if (!startsUpperOrDigit(s.tokens[i]) || !Character.isLetter(s.tokens[i].charAt(0))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && Character.isUpperCase(s.tokens[j].charAt(0))) {
                j++;
            }
            int len = Math.min(j - i, 4);
            for (int k = i; k < j; k++) {
                run[k] = (k == i ? 16 : 32) + (k == j - 1 ? 8 : 0) + len;
            }
            i = j;
        }
        int mode = s.mode;
        for (int i = 0; i < n; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            String l = s.lower[i];
            int len = l.length();
            int wp1 = i > 0 ? lw[i - 1] : BOS;
            int wp2 = i > 1 ? lw[i - 2] : BOS;
            int wn1 = i + 1 < n ? lw[i + 1] : EOS;
            int wn2 = i + 2 < n ? lw[i + 2] : EOS;
            int sp1 = i > 0 ? sh[i - 1] : BOS;
            int sn1 = i + 1 < n ? sh[i + 1] : EOS;
            int info = s.info[i];
            int ip1 = i > 0 ? s.info[i - 1] : -1;
            int in1 = i + 1 < n ? s.info[i + 1] : -2;
            int start = i == 0 ? 1 : 0;
            int o = i * COUNT;
            out[o] = f(0, mode);
            out[o + 1] = f(1, ex[i]);
            out[o + 2] = f(2, lw[i]);
            out[o + 3] = f(3, mix(sh[i], mode));
            out[o + 4] = f(4, mix(mix(sh[i], start), mode));
            out[o + 5] = f(5, hash(l, 0, Math.min(1, len), 17));
            out[o + 6] = f(6, hash(l, 0, Math.min(2, len), 17));
            out[o + 7] = f(7, hash(l, 0, Math.min(3, len), 17));
            out[o + 8] = f(8, hash(l, 0, Math.min(4, len), 17));
            out[o + 9] = f(9, hash(l, Math.max(0, len - 1), len, 19));
            out[o + 10] = f(10, hash(l, Math.max(0, len - 2), len, 19));
            out[o + 11] = f(11, hash(l, Math.max(0, len - 3), len, 19));
            out[o + 12] = f(12, hash(l, Math.max(0, len - 4), len, 19));
            out[o + 13] = f(13, wp1);
            out[o + 14] = f(14, wn1);
            out[o + 15] = f(15, wp2);
            out[o + 16] = f(16, wn2);
            out[o + 17] = f(17, mix(wp1, lw[i]));
            out[o + 18] = f(18, mix(lw[i], wn1));
            out[o + 19] = f(19, mix(mix(mix(sp1, sh[i]), sn1), mode));
            out[o + 20] = f(20, mix(mix(wp1, sh[i]), mode));
            out[o + 21] = f(21, mix(mix(sh[i], wn1), mode));
            out[o + 22] = f(22, mix(EnLexicon.coarse(info) + 1000 * (info == 0 ? 1 : 0), mode));
            out[o + 23] = f(23, info == 0 ? -7 : EnLexicon.fine(info));
            out[o + 24] = f(24, ip1 <= 0 ? ip1 : EnLexicon.fine(ip1));
            out[o + 25] = f(25, in1 <= 0 ? in1 : EnLexicon.fine(in1));
            out[o + 26] = f(26, mix(ip1 <= 0 ? ip1 : EnLexicon.coarse(ip1), in1 <= 0 ? in1 : EnLexicon.coarse(in1)));
            out[o + 27] = f(27, mix(mix(mix(EnLexicon.caps(info), sh[i]), mode), start));
            out[o + 28] = f(28, s.gaz[i]);
            out[o + 29] = f(29, i > 0 ? s.gaz[i - 1] : -1);
            out[o + 30] = f(30, i + 1 < n ? s.gaz[i + 1] : -2);
            out[o + 31] = f(31, mix(mix(s.gaz[i], sh[i]), mode));
            out[o + 32] = f(32, mix(run[i], mode));
            out[o + 33] = f(33, mix(lw[i], mode));
            out[o + 34] =
                    f(34, mix(mix(ip1 <= 0 ? ip1 : EnLexicon.caps(ip1), in1 <= 0 ? in1 : EnLexicon.caps(in1)), mode));
            int dash = l.lastIndexOf('-');
            out[o + 35] = f(35, dash > 0 && dash < len - 1 ? hash(l, dash + 1, len, 23) : 0);
            out[o + 36] = f(36, mix(mix(EnLexicon.fine(info), sh[i]), start));
            out[o + 37] = f(37, mix(mix(wp1, wn1), mode));
            for (int k = 0; k < COUNT; k++) {
                out[o + k] &= mask;
            }
        }
    }

    /** Whether a token within two of {@code i} is active (its features read token {@code i}). */
    private static boolean near(boolean[] active, int i) {
        for (int k = Math.max(0, i - 2), to = Math.min(active.length - 1, i + 2); k <= to; k++) {
            if (active[k]) {
                return true;
            }
        }
        return false;
    }

    private static int f(int template, int value) {
        return fmix(value * 0x9E3779B1 + template * 0x85EBCA77);
    }

    static int mix(int a, int b) {
        return fmix(a * 0xCC9E2D51 ^ Integer.rotateLeft(b, 15) * 0x1B873593);
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static int hash(String s, int from, int to, int seed) {
        int h = 0x811C9DC5 ^ seed;
        int end = Math.min(to, from + 64);
        for (int i = from; i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    /** Hash of the word shape: X upper, x lower, d digit, other chars as is; runs collapsed, at most 6 kept. */
    private static int shape(String t) {
        int h = 0x3C6EF372;
        char last = 0;
        int kept = 0;
        for (int i = 0, len = Math.min(t.length(), 64); i < len && kept < 6; i++) {
            char c = t.charAt(i);
            char k = Character.isUpperCase(c)
                    ? 'X'
                    : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'l' : c;
            if (k != last) {
                h = (h ^ k) * 0x01000193;
                last = k;
                kept++;
            }
        }
        return h;
    }
}
