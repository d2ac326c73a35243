package dev.warta.enrich.spam;

import java.util.Arrays;
import java.util.List;

/**
 * Hashed features of a normalised text: word unigrams and bigrams, character 3- and 4-grams inside words
 * (with word boundaries), and the cue labels that fired. Indices are in {@code [0, 2^BITS)}; a feature that
 * occurs several times appears several times. Stateless; no per-call allocation beyond the returned array.
 */
final class SpamFeatures {
    static final int BITS = 18;
    static final int DIM = 1 << BITS;
    private static final int MASK = DIM - 1;
    private static final int MAX_FEATURES = 4096;
    private static final int MAX_TOKEN = 24;

    private SpamFeatures() {}

    /** Feature indices for the normalised text and its cues; at most {@value #MAX_FEATURES} of them. */
    static int[] extract(TextNormalizer.Normalized n, SpamCues.Hits cues) {
        int[] out = new int[MAX_FEATURES];
        int k = 0;
        List<String> tokens = n.tokens();
        int prevHash = 0;
        for (int ti = 0; ti < tokens.size() && k < MAX_FEATURES - 40; ti++) {
            String t = tokens.get(ti);
            int len = Math.min(t.length(), MAX_TOKEN);
            int wh = hash(0x9747b28c, t, 0, len);
            out[k++] = wh & MASK;
            if (ti > 0) {
                out[k++] = mix(prevHash * 31 + wh, 0x1b873593) & MASK;
            }
            prevHash = wh;
            // char n-grams over "^token$"
            for (int size = 3; size <= 4; size++) {
                for (int start = -1; start + size <= len + 1; start++) {
                    int h = 0x85ebca6b + size;
                    for (int j = start; j < start + size; j++) {
                        char c = (j < 0 || j >= len) ? '|' : t.charAt(j);
                        h = h * 31 + c;
                    }
                    out[k++] = mix(h, 0xcc9e2d51) & MASK;
                    if (k >= MAX_FEATURES - 40) {
                        break;
                    }
                }
            }
        }
        for (String r : cues.reasons()) {
            if (k < MAX_FEATURES) {
                out[k++] = hash(0x3c6ef372, "cue:" + r, 0, r.length() + 4) & MASK;
            }
        }
        k = addShape(out, k, "obf", Math.min(n.obfuscation(), 4));
        k = addShape(out, k, "brand", Math.min(cues.brands(), 3));
        k = addShape(out, k, "guard", (int) Math.min(cues.guard(), 4));
        k = addShape(out, k, "len", Math.min(tokens.size() / 8, 6));
        return Arrays.copyOf(out, k);
    }

    private static int addShape(int[] out, int k, String name, int level) {
        if (k >= out.length) {
            return k;
        }
        String f = name + level;
        out[k++] = hash(0x3c6ef372, f, 0, f.length()) & MASK;
        return k;
    }

    private static int hash(int seed, String s, int from, int to) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = h * 31 + s.charAt(i);
        }
        return mix(h, seed);
    }

    private static int mix(int h, int seed) {
        h ^= seed;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
