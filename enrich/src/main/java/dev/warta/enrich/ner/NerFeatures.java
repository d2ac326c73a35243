package dev.warta.enrich.ner;

import java.util.List;
import java.util.Locale;

/**
 * Hashed features of one sentence for the sequence tagger: word, lowercase, shape, prefixes and suffixes,
 * neighbouring words and shapes, gazetteer hits, distributional word clusters ({@link WordClusters}) of the word
 * and its neighbours, names the training data annotated ({@link NerLexicon}) and listed names from outside the
 * labelled data ({@link NerKnowledge}). Every token gets exactly
 * {@link #COUNT} feature ids in {@code [0, buckets)}; strings are hashed char by char, never concatenated. Case
 * features are split by a sentence mode (cased text vs lowercased or all-caps text) so the lowercased training
 * family does not teach the model that lowercase words are names in cased text.
 */
final class NerFeatures {
    /** General features per token. */
    static final int GENERAL = 40;
    /** Templates that also get a per-corpus-family copy when a domain is given (domain adaptation). */
    private static final int[] DOMAIN_TEMPLATES = {0, 1, 20};
    /** Feature slots per token; unused domain slots hold -1. */
    static final int COUNT = GENERAL + DOMAIN_TEMPLATES.length;
    /**
     * Slots that name the word itself (word, exact form, word pairs, and the domain copy of the word): training
     * drops them at random on entity tokens so the model learns names from shape and context, not by heart.
     */
    static final int[] IDENTITY = {1, 2, 16, 17, GENERAL + 1};

    private static final int BOS = 0x2545F491;
    private static final int EOS = 0x4F1BBCDC;
    private static final int MAX_HASHED = 64;
    /** How far (tokens) the features of a token look to each side. */
    static final int CONTEXT = 3;

    private NerFeatures() {}

    /** One sentence prepared for feature extraction. */
    static final class Sentence {
        final String[] tokens;
        final String[] lower;
        final boolean cased;
        final int[] gaz;
        final int[] caps;
        final List<Gazetteer.Match> matches;
        /** Packed {@link WordClusters} ids per token. */
        final int[] clusters;
        /** {@link NerLexicon#mark} codes per token. */
        final int[] lex;
        /** {@link NerKnowledge#mark} listed-phrase codes per token. */
        final int[] listed;
        /** {@link NerKnowledge#mark} name-token classes per token. */
        final int[] nameTokens;

        /** {@link #wordHash} of each lowercase token. */
        final long[] hashes;
        /**
         * Non-null when {@link #clusters} is not filled yet: {@link #extract} looks up the tokens it reads (the
         * scored ones and their neighbours) in this table.
         */
        final WordClusters lazyClusters;
        /**
         * Non-null when {@link #caps} holds -1 for tokens without an upper-case letter (not looked up yet): the
         * capitalisation table {@link #extract} looks them up in, for the tokens it reads.
         */
        final byte[] lazyCaps;

        Sentence(
                String[] tokens,
                String[] lower,
                boolean cased,
                int[] gaz,
                int[] caps,
                List<Gazetteer.Match> matches,
                int[] clusters,
                int[] lex,
                int[] listed,
                int[] nameTokens,
                long[] hashes,
                WordClusters lazyClusters,
                byte[] lazyCaps) {
            this.tokens = tokens;
            this.lower = lower;
            this.cased = cased;
            this.gaz = gaz;
            this.caps = caps;
            this.matches = matches;
            this.clusters = clusters;
            this.lex = lex;
            this.listed = listed;
            this.nameTokens = nameTokens;
            this.hashes = hashes;
            this.lazyClusters = lazyClusters;
            this.lazyCaps = lazyCaps;
        }
    }

    /** Bucket of a lowercased word in a capitalisation table. */
    static int capBucket(String lower, int tableSize) {
        return hash(lower, 0, lower.length(), 29) & (tableSize - 1);
    }

    /**
     * How words are written in the cased training text, by hashed lowercase form: 0 unseen, 1 almost always
     * lowercase, 2 mixed, 3 almost always capitalised (sentence-initial tokens not counted). Lets the model
     * recognise names in lowercased text.
     */
    static byte[] capTable(List<String[]> casedSentences, int bits) {
        int size = 1 << bits;
        int[] up = new int[size];
        int[] low = new int[size];
        for (String[] toks : casedSentences) {
            for (int i = 1; i < toks.length; i++) {
                String t = toks[i];
                if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
                    continue;
                }
                int b = capBucket(t.toLowerCase(Locale.ROOT), size);
                if (Character.isUpperCase(t.charAt(0))) {
                    up[b]++;
                } else {
                    low[b]++;
                }
            }
        }
        byte[] table = new byte[size];
        for (int b = 0; b < size; b++) {
            int total = up[b] + low[b];
            if (total > 0) {
                double r = (double) up[b] / total;
                table[b] = (byte) (r < 0.1 ? 1 : r > 0.9 ? 3 : 2);
            }
        }
        return table;
    }

    /** Prepares a sentence with the shipped word clusters, training-name lexicon and listed names. */
    static Sentence prepare(String[] tokens, Gazetteer gazetteer, byte[] capTable) {
        return prepare(tokens, gazetteer, capTable, WordClusters.shared(), NerLexicon.shared(), NerKnowledge.shared());
    }

    /**
     * Prepares a sentence: lowercases, decides the case mode, marks gazetteer hits, word clusters, lexicon names
     * and listed names.
     */
    static Sentence prepare(
            String[] tokens,
            Gazetteer gazetteer,
            byte[] capTable,
            WordClusters wordClusters,
            NerLexicon lexicon,
            NerKnowledge knowledge) {
        int n = tokens.length;
        return prepare(
                tokens,
                gazetteer,
                capTable,
                wordClusters,
                lexicon,
                knowledge,
                new int[n],
                new int[n],
                new int[n],
                new int[n],
                new int[n],
                new int[n],
                new long[n],
                false);
    }

    /**
     * Like {@link #prepare(String[], Gazetteer, byte[])} for the tagging hot path: the per-token arrays are this
     * thread's {@link NerScratch} rows (valid until the thread prepares its next sentence, and longer than the
     * sentence) and word clusters are left to {@link #extract} (looked up only for the tokens it reads).
     */
    static Sentence prepareScratch(String[] tokens, Gazetteer gazetteer, byte[] capTable) {
        int n = tokens.length;
        NerScratch sc = NerScratch.get();
        return prepare(
                tokens,
                gazetteer,
                capTable,
                WordClusters.shared(),
                NerLexicon.shared(),
                NerKnowledge.shared(),
                sc.row(0, n),
                sc.row(1, n),
                sc.row(2, n),
                sc.row(3, n),
                sc.row(4, n),
                sc.row(5, n),
                sc.longs(n),
                true);
    }

    private static Sentence prepare(
            String[] tokens,
            Gazetteer gazetteer,
            byte[] capTable,
            WordClusters wordClusters,
            NerLexicon lexicon,
            NerKnowledge knowledge,
            int[] gaz,
            int[] caps,
            int[] clusters,
            int[] lex,
            int[] listed,
            int[] nameTokens,
            long[] hashes,
            boolean lazy) {
        int n = tokens.length;
        String[] lower = new String[n];
        boolean upper = false;
        boolean lowerSeen = false;
        boolean capsLookup = capTable != null && capTable.length > 0;
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            // toLowerCase returns t itself (no copy) when t has no upper-case letter
            lower[i] = t.toLowerCase(Locale.ROOT);
            boolean tokenUpper = t.length() > MAX_HASHED;
            for (int k = 0, len = Math.min(t.length(), MAX_HASHED); k < len; k++) {
                char c = t.charAt(k);
                if (Character.isUpperCase(c)) {
                    upper = true;
                    tokenUpper = true;
                } else if (Character.isLowerCase(c)) {
                    lowerSeen = true;
                }
            }
            // lazily: only tokens with a capital are looked up now (EntityTagger reads their class to find names)
            caps[i] = !capsLookup ? 0 : lazy && !tokenUpper ? -1 : capTable[capBucket(lower[i], capTable.length)];
        }
        boolean cased = upper && lowerSeen && !mostlyCaps(tokens);
        java.util.Arrays.fill(gaz, 0, n, 0);
        List<Gazetteer.Match> matches = gazetteer.matches(tokens, lower, cased);
        for (Gazetteer.Match m : matches) {
            int type = m.entry().type().hashCode();
            for (int i = m.start(); i < m.end(); i++) {
                gaz[i] = mix(type, i == m.start() ? 1 : 2);
            }
        }
        for (int i = 0; i < n; i++) {
            hashes[i] = wordHash(lower[i]);
            if (!lazy) {
                clusters[i] = wordClusters.of(hashes[i]);
            }
        }
        lexicon.mark(hashes, n, lex);
        knowledge.mark(hashes, n, listed, nameTokens);
        return new Sentence(
                tokens,
                lower,
                cased,
                gaz,
                caps,
                matches,
                clusters,
                lex,
                listed,
                nameTokens,
                hashes,
                lazy ? wordClusters : null,
                lazy && capsLookup ? capTable : null);
    }

    private static boolean mostlyCaps(String[] tokens) {
        int words = 0;
        int caps = 0;
        for (String t : tokens) {
            if (t.length() > 1 && Character.isLetter(t.charAt(0))) {
                words++;
                if (Character.isUpperCase(t.charAt(0)) && Character.isUpperCase(t.charAt(1))) {
                    caps++;
                }
            }
        }
        return words >= 3 && caps * 10 >= words * 7;
    }

    /** Fills {@code out[i * COUNT + k]} with general feature ids for every token (no domain). */
    static void extract(Sentence s, int mask, int[] out) {
        extract(s, 0, mask, out);
    }

    /** Domain id of a corpus family name (0 = general, no family-specific features). */
    static int domain(String family) {
        return family == null || family.isEmpty() ? 0 : fmix(family.hashCode()) | 1;
    }

    /**
     * Fills {@code out[i * COUNT + k]} with feature ids for every token; {@code out} must be large enough. A
     * non-zero {@code domain} adds family-specific copies of some features (used in training so the general
     * weights learn what the corpus families share, and to score a family with its own annotation habits).
     */
    static void extract(Sentence s, int domain, int mask, int[] out) {
        extract(s, domain, mask, out, null);
    }

    /**
     * Like {@link #extract(Sentence, int, int, int[])}, filling only the rows of tokens marked in {@code active}
     * (null: all; the other rows are left as they were): per-token hashes and word clusters are computed only for
     * what those rows read (the token and up to {@link #CONTEXT} neighbours each side), with the same values.
     */
    static void extract(Sentence s, int domain, int mask, int[] out, boolean[] active) {
        int n = s.tokens.length;
        // word, exact and shape hashes and the capitalised-run code, packed in one scratch array
        int[] tmp = NerScratch.get().ints4(n);
        readTokens(s, tmp, active);
        capitalisedRuns(s, tmp);
        int mode = s.cased ? 0x51ED270B : 0x68E31DA4;
        for (int i = 0; i < n; i++) {
            if (active != null && !active[i]) {
                continue;
            }
            int o = i * COUNT;
            wordFeatures(s, i, tmp, mode, out, o);
            contextFeatures(s, i, tmp, mode, out, o);
            resourceFeatures(s, i, tmp, mode, out, o);
            for (int k = 0; k < DOMAIN_TEMPLATES.length; k++) {
                out[o + GENERAL + k] = domain == 0 ? -1 : mix(out[o + DOMAIN_TEMPLATES[k]], domain) & mask;
            }
            for (int k = 0; k < GENERAL; k++) {
                out[o + k] &= mask;
            }
        }
    }

    /**
     * The per-token hashes in {@link #extract}'s scratch array (word, exact, shape, capitalised run), with the
     * sentence boundaries for neighbours beyond either end.
     */
    private static int word(int[] tmp, int n, int i) {
        return i < 0 ? BOS : i >= n ? EOS : tmp[i];
    }

    private static int exact(int[] tmp, int n, int i) {
        return tmp[n + i];
    }

    private static int shape(int[] tmp, int n, int i) {
        return i < 0 ? BOS : i >= n ? EOS : tmp[2 * n + i];
    }

    private static int run(int[] tmp, int n, int i) {
        return tmp[3 * n + i];
    }

    /**
     * Hashes the tokens the scored rows read (all, or the active ones and up to {@link #CONTEXT} neighbours each
     * side) and looks up their word clusters and capitalisation classes where {@link #prepareScratch} left them.
     */
    private static void readTokens(Sentence s, int[] tmp, boolean[] active) {
        int n = s.tokens.length;
        if (active == null) {
            for (int i = 0; i < n; i++) {
                tokenHashes(s, i, tmp, n);
            }
            if (s.lazyClusters != null) {
                for (int i = 0; i < n; i++) {
                    s.clusters[i] = s.lazyClusters.of(s.hashes[i]);
                }
            }
            if (s.lazyCaps != null) {
                for (int i = 0; i < n; i++) {
                    fillCaps(s, i);
                }
            }
            return;
        }
        // windows of neighbouring active tokens overlap: each token is hashed (and looked up) once
        int hashed = -1;
        int clustered = -1;
        for (int i = 0; i < n; i++) {
            if (!active[i]) {
                continue;
            }
            for (int k = Math.max(hashed + 1, i - CONTEXT), to = Math.min(n - 1, i + CONTEXT); k <= to; k++) {
                tokenHashes(s, k, tmp, n);
                hashed = k;
            }
            for (int k = Math.max(clustered + 1, i - 1), to = Math.min(n - 1, i + 1); k <= to; k++) {
                if (s.lazyClusters != null) {
                    s.clusters[k] = s.lazyClusters.of(s.hashes[k]);
                }
                if (s.lazyCaps != null) {
                    fillCaps(s, k);
                }
                clustered = k;
            }
        }
    }

    /** Position in a run of capitalised tokens (start / inside / last) and the run's length, capped at 4. */
    private static void capitalisedRuns(Sentence s, int[] tmp) {
        int n = s.tokens.length;
        int ro = 3 * n;
        for (int i = 0; i < n; i++) {
            tmp[ro + i] = 0;
        }
        for (int i = 0; i < n; ) {
            if (!NerRules.capitalised(s.tokens[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && NerRules.capitalised(s.tokens[j])) {
                j++;
            }
            int len = Math.min(j - i, 4);
            for (int k = i; k < j; k++) {
                tmp[ro + k] = (k == i ? 16 : 32) + (k == j - 1 ? 8 : 0) + len;
            }
            i = j;
        }
    }

    /**
     * Templates of the token itself: the bias by case mode, word, exact form, shape, prefixes and suffixes.
     * Templates {@link #IDENTITY} name the word itself (dropped at random in training).
     */
    private static void wordFeatures(Sentence s, int i, int[] tmp, int mode, int[] out, int o) {
        int n = s.tokens.length;
        String lw = s.lower[i];
        int len = lw.length();
        out[o] = f(0, mode);
        out[o + 1] = f(1, word(tmp, n, i));
        out[o + 2] = f(2, mix(exact(tmp, n, i), mode));
        out[o + 3] = f(3, mix(shape(tmp, n, i), mode));
        out[o + 4] = f(4, mix(mix(shape(tmp, n, i), i == 0 ? 1 : 0), mode));
        // prefixes of 1..3 chars: the FNV states after each char (same values as hashing each prefix)
        int ph = 0x811C9DC5 ^ 17;
        ph = len > 0 ? (ph ^ lw.charAt(0)) * 0x01000193 : ph;
        out[o + 5] = f(5, ph);
        ph = len > 1 ? (ph ^ lw.charAt(1)) * 0x01000193 : ph;
        out[o + 6] = f(6, ph);
        ph = len > 2 ? (ph ^ lw.charAt(2)) * 0x01000193 : ph;
        out[o + 7] = f(7, ph);
        out[o + 8] = f(8, hash(lw, Math.max(0, len - 1), len, 19));
        out[o + 9] = f(9, hash(lw, Math.max(0, len - 2), len, 19));
        out[o + 10] = f(10, hash(lw, Math.max(0, len - 3), len, 19));
        out[o + 11] = f(11, hash(lw, Math.max(0, len - 4), len, 19));
    }

    /** Templates of the neighbourhood: neighbouring words and shapes, word pairs, the capitalised run. */
    private static void contextFeatures(Sentence s, int i, int[] tmp, int mode, int[] out, int o) {
        int n = s.tokens.length;
        int w = word(tmp, n, i);
        int wp1 = word(tmp, n, i - 1);
        int wn1 = word(tmp, n, i + 1);
        int sh = shape(tmp, n, i);
        out[o + 12] = f(12, wp1);
        out[o + 13] = f(13, wn1);
        out[o + 16] = f(16, mix(wp1, w));
        out[o + 17] = f(17, mix(w, wn1));
        // the neighbour outside a quote mark: a quoted name ("kata \" Budi \"") keeps the context of an unquoted one
        out[o + 23] = f(23, mix(mix(word(tmp, n, outer(s, i, -1)), sh), mode));
        out[o + 24] = f(24, mix(mix(sh, word(tmp, n, outer(s, i, 1))), mode));
        out[o + 26] = f(26, word(tmp, n, i - 3));
        out[o + 27] = f(27, word(tmp, n, i + 3));
        out[o + 28] = f(28, mix(word(tmp, n, i - 2), wp1));
        out[o + 31] = f(31, mix(run(tmp, n, i), mode));
        out[o + 32] = f(32, mix(mix(mix(shape(tmp, n, i - 1), sh), shape(tmp, n, i + 1)), mode));
    }

    /** The neighbour of token {@code i} in direction {@code step}, skipping one quote mark. */
    private static int outer(Sentence s, int i, int step) {
        int k = i + step;
        return k >= 0 && k < s.tokens.length && isQuote(s.tokens[k]) ? k + step : k;
    }

    static boolean isQuote(String t) {
        if (t.length() != 1) {
            return false;
        }
        char c = t.charAt(0);
        return c == '"' || c == '\'' || c == '“' || c == '”' || c == '‘' || c == '’' || c == '«' || c == '»';
    }

    /**
     * Templates of what the resources say: word clusters of the token and its neighbours, training-name lexicon,
     * gazetteer, capitalisation classes, and listed names from outside the labelled data ({@link NerKnowledge},
     * read with the token's capitalised run so a village name that is also a common word counts for little).
     */
    private static void resourceFeatures(Sentence s, int i, int[] tmp, int mode, int[] out, int o) {
        int n = s.tokens.length;
        int sh = shape(tmp, n, i);
        int cl = s.clusters[i];
        out[o + 14] = f(14, cl & 0xFFFF | 0x10000);
        out[o + 15] = f(15, mix(mix(cl >> 16, sh), mode));
        out[o + 18] = f(18, s.lex[i] + 1);
        out[o + 19] = f(19, mix(mix(s.lex[i] + 1, i > 0 ? s.lex[i - 1] : -1), mode));
        out[o + 20] = f(20, s.gaz[i]);
        out[o + 21] = f(21, i > 0 ? s.gaz[i - 1] : BOS);
        out[o + 22] = f(22, i + 1 < n ? s.gaz[i + 1] : EOS);
        out[o + 25] = f(25, mix(mix(s.gaz[i], sh), mode));
        // coarse clusters of both neighbours together (a coarse id generalises where the words are rare);
        // replaced the next-two-words bigram (mix(wn1, wn2)), which helped less
        out[o + 29] = f(29, mix(i > 0 ? s.clusters[i - 1] >> 16 : BOS, i + 1 < n ? s.clusters[i + 1] >> 16 : EOS));
        out[o + 30] = f(30, i > 0 ? s.clusters[i - 1] & 0xFFFF | 0x10000 : BOS);
        out[o + 33] = f(33, i + 1 < n ? s.clusters[i + 1] & 0xFFFF | 0x10000 : EOS);
        out[o + 34] = f(34, mix(s.caps[i] + 1, mode));
        out[o + 35] =
                f(35, mix((i > 0 ? s.caps[i - 1] : 7) * 64 + s.caps[i] * 8 + (i + 1 < n ? s.caps[i + 1] : 7), mode));
        int r = run(tmp, n, i);
        out[o + 36] = f(36, mix(mix(s.listed[i] + 1, r), mode));
        out[o + 37] = f(37, mix(i > 0 ? s.listed[i - 1] + 1 : BOS, i + 1 < n ? s.listed[i + 1] + 1 : EOS));
        out[o + 38] = f(38, mix(mix(s.nameTokens[i] + 1, r), mode));
        out[o + 39] = f(
                39,
                mix(
                        mix(mix(i > 0 ? s.nameTokens[i - 1] : 7, s.nameTokens[i]), i + 1 < n ? s.nameTokens[i + 1] : 7),
                        mode));
    }

    /** Looks up the capitalisation class of token {@code i} if {@link #prepareScratch} left it for later. */
    private static void fillCaps(Sentence s, int i) {
        if (s.caps[i] < 0) {
            s.caps[i] = s.lazyCaps[capBucket(s.lower[i], s.lazyCaps.length)];
        }
    }

    /** Word (lowercase), exact and shape hashes of token {@code i} into {@code tmp} at offsets 0, n and 2n. */
    private static void tokenHashes(Sentence s, int i, int[] tmp, int n) {
        tmp[i] = hash(s.lower[i], 0, s.lower[i].length(), 11);
        tmp[n + i] = hash(s.tokens[i], 0, s.tokens[i].length(), 13);
        tmp[2 * n + i] = shape(s.tokens[i]);
    }

    /** 64-bit hash of a (lowercased) word, for the word-keyed tables ({@link WordClusters}, {@link NerLexicon}). */
    static long wordHash(String word) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0, len = Math.min(word.length(), MAX_HASHED); i < len; i++) {
            h = (h ^ word.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 33);
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
        int end = Math.min(to, from + MAX_HASHED);
        for (int i = from; i < end; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    /** Hash of the compressed word shape: X upper, x lower, d digit, other chars as is; runs collapsed, max 5. */
    private static int shape(String t) {
        int h = 0x3C6EF372;
        char last = 0;
        int kept = 0;
        for (int i = 0, len = Math.min(t.length(), MAX_HASHED); i < len && kept < 5; i++) {
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
