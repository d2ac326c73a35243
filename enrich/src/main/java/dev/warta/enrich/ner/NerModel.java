package dev.warta.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A first-order linear sequence model over hashed features: emission weights {@code [bucket * labels + label]}
 * (floats while training, 16-bit fixed point on disk, one-byte mu-law codes once loaded), label-transition weights, a capitalisation table, and
 * Viterbi decoding restricted to valid BIO. Immutable after loading; decoding
 * uses only local arrays, so one instance serves all threads.
 */
final class NerModel {
    static final int MAGIC = 0x5745524E; // "WERN"
    static final int LABELS = NerLabels.SIZE;

    final int bits;
    final float[] weights;
    /** {@code trans[(prev + 1) * LABELS + next]}; prev = -1 is the sentence start. */
    final float[] trans;
    /** Capitalisation classes by hashed lowercase word ({@link NerFeatures#capTable}). */
    final byte[] caps;

    private final float scale;
    /** {@link #trans} with invalid moves at minus infinity; only for a loaded (immutable) model. */
    private final float[] allowed;
    /**
     * The same weights as one-byte codes into {@link #levels} (mu-law: fine steps near zero, coarse for the rare
     * large weights): a quarter of the float table, so far fewer cache misses, which dominate tagging cost.
     */
    private final byte[] codes;
    /**
     * Rows (buckets) with a non-zero code, one bit each; only those rows are stored in {@link #codes}, in bucket
     * order, so almost half the table (buckets no feature ever moved) takes no memory and no cache line.
     */
    private final long[] live;
    /** Number of live rows before each 64-bucket block of {@link #live}. */
    private final int[] liveBefore;

    private final float[] levels;
    /** For each label, the labels that may precede it (valid BIO moves); only for a loaded model. */
    private final int[][] preds;

    NerModel(int bits, float[] weights, float[] trans, byte[] caps) {
        this.bits = bits;
        this.weights = weights;
        this.trans = trans;
        this.caps = caps;
        this.scale = 0;
        this.allowed = null;
        this.codes = null;
        this.live = null;
        this.liveBefore = null;
        this.levels = null;
        this.preds = null;
    }

    private NerModel(int bits, short[] quantized, float scale, float[] trans, byte[] caps) {
        this.bits = bits;
        this.weights = null;
        this.scale = scale;
        this.trans = trans;
        this.caps = caps;
        this.allowed = allowedTrans();
        this.preds = new int[LABELS][];
        for (int l = 0; l < LABELS; l++) {
            int k = 0;
            int[] ps = new int[LABELS];
            for (int p = 0; p < LABELS; p++) {
                if (NerLabels.allowed(p, l)) {
                    ps[k++] = p;
                }
            }
            preds[l] = java.util.Arrays.copyOf(ps, k);
        }
        this.levels = new float[256];
        int max = 1;
        for (short q : quantized) {
            max = Math.max(max, Math.abs(q));
        }
        for (int c = -127; c <= 127; c++) {
            levels[c & 0xFF] =
                    (float) (Math.signum(c) * max * scale * (Math.pow(1 + MU, Math.abs(c) / 127.0) - 1) / MU);
        }
        byte[] all = new byte[quantized.length];
        double lmu = Math.log1p(MU);
        for (int i = 0; i < quantized.length; i++) {
            int q = quantized[i];
            int c = (int) Math.round(127 * Math.log1p(MU * Math.abs(q) / (double) max) / lmu);
            all[i] = (byte) (q < 0 ? -c : c);
        }
        int rows = quantized.length / LABELS;
        this.live = new long[(rows + 63) >>> 6];
        this.liveBefore = new int[live.length];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            if ((r & 63) == 0) {
                liveBefore[r >>> 6] = kept;
            }
            for (int l = 0; l < LABELS; l++) {
                if (Math.abs(all[r * LABELS + l]) > PRUNE) {
                    live[r >>> 6] |= 1L << r;
                    kept++;
                    break;
                }
            }
        }
        this.codes = new byte[kept * LABELS];
        for (int r = 0, k = 0; r < rows; r++) {
            if ((live[r >>> 6] & (1L << r)) != 0) {
                System.arraycopy(all, r * LABELS, codes, k, LABELS);
                k += LABELS;
            }
        }
    }

    /** Offset of a bucket's codes in {@link #codes}, or -1 when all its weights are zero. */
    private int codeOffset(int fid) {
        long word = live[fid >>> 6];
        long bit = 1L << fid;
        if ((word & bit) == 0) {
            return -1;
        }
        return (liveBefore[fid >>> 6] + Long.bitCount(word & (bit - 1))) * LABELS;
    }

    private static final double MU = 100;
    /**
     * Rows whose codes are all within +-PRUNE (of 127; about 1% of the largest weight) are dropped as zero rows:
     * 1.8 MB of codes instead of 2.6 MB. With the cluster/lexicon model, 32 (1.5 MB) costs 0.002-0.003 dev F1 on
     * nergrit, nerp and nerugm (NerBenchmark) for a speed gain lost in the noise, so 24 it is.
     * {@code -Dwarta.ner.prune=0} keeps every non-zero row, for comparison.
     */
    static final int PRUNE = Integer.getInteger("warta.ner.prune", 24);

    static NerModel empty(int bits, byte[] caps) {
        return new NerModel(bits, new float[(1 << bits) * LABELS], new float[(LABELS + 1) * LABELS], caps);
    }

    int mask() {
        return (1 << bits) - 1;
    }

    /** Emission scores {@code [i * LABELS + label]} for a sentence's features. */
    float[] emissions(int[] feats, int n) {
        if (codes != null) {
            return codedEmissions(feats, n);
        }
        float[] em = new float[n * LABELS];
        for (int i = 0; i < n; i++) {
            int eo = i * LABELS;
            for (int k = 0, fo = i * NerFeatures.COUNT; k < NerFeatures.COUNT; k++) {
                int fid = feats[fo + k];
                if (fid < 0) {
                    continue;
                }
                int wo = fid * LABELS;
                for (int l = 0; l < LABELS; l++) {
                    em[eo + l] += weights[wo + l];
                }
            }
        }
        return em;
    }

    private float[] codedEmissions(int[] feats, int n) {
        float[] em = new float[n * LABELS];
        byte[] cs = codes;
        float[] lv = levels;
        for (int i = 0; i < n; i++) {
            int eo = i * LABELS;
            for (int k = 0, fo = i * NerFeatures.COUNT; k < NerFeatures.COUNT; k++) {
                int fid = feats[fo + k];
                int wo = fid < 0 ? -1 : codeOffset(fid);
                if (wo < 0) {
                    continue;
                }
                for (int l = 0; l < LABELS; l++) {
                    em[eo + l] += lv[cs[wo + l] & 0xFF];
                }
            }
        }
        return em;
    }

    /**
     * Best valid label sequence for a sentence's features ({@link NerFeatures#COUNT} per token): emissions and
     * Viterbi in per-thread scratch arrays, so only the returned labels are allocated. Loaded models only.
     */
    int[] decode(int[] feats, int n) {
        return decode(feats, n, null);
    }

    /**
     * Like {@link #decode(int[], int)}, scoring only the tokens marked in {@code active} (null: all): the others are
     * held at O, so their weights are never read. Loaded models only.
     */
    int[] decode(int[] feats, int n, boolean[] active) {
        if (codes == null) {
            return viterbi(emissions(feats, n), n);
        }
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        NerScratch sc = NerScratch.get();
        float[] em = sc.floats(n * LABELS);
        int[] back = sc.back(n * LABELS);
        byte[] cs = codes;
        float[] lv = levels;
        for (int i = 0; i < n; i++) {
            if (active != null && !active[i]) {
                int eo = i * LABELS;
                em[eo] = 0;
                for (int l = 1; l < LABELS; l++) {
                    em[eo + l] = Float.NEGATIVE_INFINITY;
                }
                continue;
            }
            float e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0;
            for (int k = 0, fo = i * NerFeatures.COUNT; k < NerFeatures.COUNT; k++) {
                int fid = feats[fo + k];
                int wo = fid < 0 ? -1 : codeOffset(fid);
                if (wo < 0) {
                    continue;
                }
                e0 += lv[cs[wo] & 0xFF];
                e1 += lv[cs[wo + 1] & 0xFF];
                e2 += lv[cs[wo + 2] & 0xFF];
                e3 += lv[cs[wo + 3] & 0xFF];
                e4 += lv[cs[wo + 4] & 0xFF];
                e5 += lv[cs[wo + 5] & 0xFF];
                e6 += lv[cs[wo + 6] & 0xFF];
                e7 += lv[cs[wo + 7] & 0xFF];
                e8 += lv[cs[wo + 8] & 0xFF];
            }
            int eo = i * LABELS;
            em[eo] = e0;
            em[eo + 1] = e1;
            em[eo + 2] = e2;
            em[eo + 3] = e3;
            em[eo + 4] = e4;
            em[eo + 5] = e5;
            em[eo + 6] = e6;
            em[eo + 7] = e7;
            em[eo + 8] = e8;
        }
        // Viterbi in place: em row i becomes the best score of a path ending there
        float[] tr = allowed;
        int[][] ps = preds;
        for (int l = 0; l < LABELS; l++) {
            em[l] += tr[l];
        }
        for (int i = 1; i < n; i++) {
            int po = (i - 1) * LABELS;
            int co = i * LABELS;
            if (active != null && !active[i]) {
                // held at O: only the O column can be on the best path (the others stay at minus infinity)
                float bestScore = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < LABELS; p++) {
                    float s = em[po + p] + tr[LABELS + p * LABELS];
                    if (s > bestScore) {
                        bestScore = s;
                        arg = p;
                    }
                }
                em[co] += bestScore;
                back[co] = arg;
                continue;
            }
            for (int l = 0; l < LABELS; l++) {
                int[] pl = ps[l];
                float bestScore = Float.NEGATIVE_INFINITY;
                int arg = pl.length > 0 ? pl[0] : 0;
                for (int p : pl) {
                    float s = em[po + p] + tr[LABELS + p * LABELS + l];
                    if (s > bestScore) {
                        bestScore = s;
                        arg = p;
                    }
                }
                em[co + l] += bestScore;
                back[co + l] = arg;
            }
        }
        int lo = (n - 1) * LABELS;
        int arg = 0;
        for (int l = 1; l < LABELS; l++) {
            if (em[lo + l] > em[lo + arg]) {
                arg = l;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = arg;
            arg = back[i * LABELS + arg];
        }
        return best;
    }

    /** Best valid label sequence for the emission scores. */
    int[] viterbi(float[] em, int n) {
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        float[] tr = allowedTrans();
        float[] score = new float[n * LABELS];
        int[] back = new int[n * LABELS];
        for (int l = 0; l < LABELS; l++) {
            score[l] = em[l] + tr[l];
        }
        for (int i = 1; i < n; i++) {
            int po = (i - 1) * LABELS;
            int co = i * LABELS;
            for (int l = 0; l < LABELS; l++) {
                float bestScore = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0, to = LABELS + l; p < LABELS; p++, to += LABELS) {
                    float s = score[po + p] + tr[to];
                    if (s > bestScore) {
                        bestScore = s;
                        arg = p;
                    }
                }
                score[co + l] = bestScore + em[co + l];
                back[co + l] = arg;
            }
        }
        int lo = (n - 1) * LABELS;
        int arg = 0;
        for (int l = 1; l < LABELS; l++) {
            if (score[lo + l] > score[lo + arg]) {
                arg = l;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            best[i] = arg;
            arg = back[i * LABELS + arg];
        }
        return best;
    }

    /**
     * Transition scores with invalid BIO moves at minus infinity. Cached for a loaded model; recomputed each call
     * while training, where {@link #trans} changes.
     */
    private float[] allowedTrans() {
        float[] cached = allowed;
        if (cached != null) {
            return cached;
        }
        float[] tr = new float[trans.length];
        for (int p = -1; p < LABELS; p++) {
            for (int l = 0; l < LABELS; l++) {
                int i = (p + 1) * LABELS + l;
                tr[i] = NerLabels.allowed(p, l) ? trans[i] : Float.NEGATIVE_INFINITY;
            }
        }
        return tr;
    }

    /** Writes the model: header, then weights quantized to 16 bits, gzip-compressed. */
    void write(OutputStream os) throws IOException {
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / 32767f;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            out.writeInt(bits);
            out.writeInt(LABELS);
            for (float t : trans) {
                out.writeFloat(t);
            }
            out.writeFloat(scale);
            // runs of zeros are frequent: (zero-run length, value) pairs
            int i = 0;
            int len = weights.length;
            while (i < len) {
                int run = 0;
                while (i < len && Math.round(weights[i] / scale) == 0 && run < Short.MAX_VALUE) {
                    run++;
                    i++;
                }
                out.writeShort(run);
                out.writeShort(i < len ? Math.round(weights[i] / scale) : 0);
                i++;
            }
            out.writeInt(caps.length);
            out.write(caps);
        }
    }

    static NerModel read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a warta NER model");
            }
            int bits = in.readInt();
            int labels = in.readInt();
            if (labels != LABELS || bits < 8 || bits > 26) {
                throw new IOException("model label set or size does not match this code");
            }
            float[] trans = new float[(LABELS + 1) * LABELS];
            short[] weights = new short[(1 << bits) * LABELS];
            for (int t = 0; t < trans.length; t++) {
                trans[t] = in.readFloat();
            }
            float scale = in.readFloat();
            int i = 0;
            int len = weights.length;
            while (i < len) {
                i += in.readShort();
                short v = in.readShort();
                if (i < len) {
                    weights[i] = v;
                }
                i++;
            }
            int capSize = in.readInt();
            if (capSize < 0 || Integer.bitCount(capSize) > 1 || capSize > (1 << 24)) {
                throw new IOException("bad capitalisation table size " + capSize);
            }
            byte[] caps = new byte[capSize];
            in.readFully(caps);
            return new NerModel(bits, weights, scale, trans, caps);
        }
    }
}
