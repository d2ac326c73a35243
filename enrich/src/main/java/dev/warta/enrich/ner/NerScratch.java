package dev.warta.enrich.ner;

/**
 * Per-thread scratch arrays for tagging (feature ids, emission scores, back pointers, per-token hashes), reused
 * across sentences so the hot path allocates only its results. Arrays grow on demand; a sentence longer than
 * {@link #KEEP} tokens gets fresh arrays that are not kept, so one huge input does not pin memory in a thread.
 */
final class NerScratch {
    /** Longest sentence (tokens) whose arrays are kept for reuse. */
    static final int KEEP = 2048;

    private static final ThreadLocal<NerScratch> LOCAL = ThreadLocal.withInitial(NerScratch::new);

    private int[] feats = new int[64 * NerFeatures.COUNT];
    private float[] floats = new float[64 * NerModel.LABELS];
    private int[] back = new int[64 * NerModel.LABELS];
    private int[] ints = new int[4 * 64];

    private NerScratch() {}

    static NerScratch get() {
        return LOCAL.get();
    }

    int[] feats(int size) {
        if (size <= feats.length) {
            return feats;
        }
        int[] a = new int[size];
        if (size <= KEEP * NerFeatures.COUNT) {
            feats = a;
        }
        return a;
    }

    float[] floats(int size) {
        if (size <= floats.length) {
            return floats;
        }
        float[] a = new float[size];
        if (size <= KEEP * NerModel.LABELS) {
            floats = a;
        }
        return a;
    }

    int[] back(int size) {
        if (size <= back.length) {
            return back;
        }
        int[] a = new int[size];
        if (size <= KEEP * NerModel.LABELS) {
            back = a;
        }
        return a;
    }

    private boolean[] active = new boolean[64];

    boolean[] active(int size) {
        if (size <= active.length) {
            return active;
        }
        boolean[] a = new boolean[size];
        if (size <= KEEP) {
            active = a;
        }
        return a;
    }

    private final int[][] rows = {new int[64], new int[64], new int[64], new int[64], new int[64], new int[64]};
    private long[] longs = new long[64];

    /**
     * Per-token int array number {@code which} (0..5) of at least {@code n} entries, contents undefined: the
     * tagging path's gazetteer, capitalisation, cluster, lexicon, listed-phrase and name-token codes of one
     * sentence.
     */
    int[] row(int which, int n) {
        if (n <= rows[which].length) {
            return rows[which];
        }
        int[] a = new int[n];
        if (n <= KEEP) {
            rows[which] = a;
        }
        return a;
    }

    /** A long array of at least {@code n} entries, contents undefined (per-token word hashes). */
    long[] longs(int n) {
        if (n <= longs.length) {
            return longs;
        }
        long[] a = new long[n];
        if (n <= KEEP) {
            longs = a;
        }
        return a;
    }

    /** Four int arrays of {@code n} each, packed: offsets 0, n, 2n, 3n. */
    int[] ints4(int n) {
        int size = 4 * n;
        if (size <= ints.length) {
            return ints;
        }
        int[] a = new int[size];
        if (n <= KEEP) {
            ints = a;
        }
        return a;
    }
}
