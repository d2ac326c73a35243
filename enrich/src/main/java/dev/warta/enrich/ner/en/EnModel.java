package dev.warta.enrich.ner.en;

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
 * A first-order linear sequence model over hashed features with Viterbi decoding restricted to valid BIO: emission
 * weights {@code [bucket * LABELS + label]} (floats while training; 16-bit fixed point once written and loaded) and
 * label-transition weights. A loaded model is immutable; decoding allocates only local arrays, so one instance
 * serves all threads.
 */
final class EnModel {
    static final int MAGIC = 0x57454E45; // "WENE"
    static final int LABELS = EnLabels.SIZE;

    final int bits;
    /** Training weights; null once loaded. */
    final float[] weights;
    /**
     * Loaded weights in units of {@link #scale}, only the rows (buckets) with a non-zero weight, in bucket order;
     * null while training. Most buckets of the hashed table stay zero, so this is a small fraction of the table
     * and the tagger's cache misses fall with it.
     */
    private final short[] fixed;
    /** One bit per bucket: whether its row is stored in {@link #fixed}. */
    private final long[] live;
    /** Number of stored rows before each 64-bucket block of {@link #live}. */
    private final int[] liveBefore;
    /** {@link #trans} with invalid BIO moves at minus infinity. */
    private final float[] allowed;

    private final float scale;
    /** {@code trans[(prev + 1) * LABELS + next]}; prev = -1 is the sentence start. */
    final float[] trans;

    EnModel(int bits) {
        this.bits = bits;
        this.weights = new float[(1 << bits) * LABELS];
        this.fixed = null;
        this.live = null;
        this.liveBefore = null;
        this.allowed = null;
        this.scale = 0;
        this.trans = new float[(LABELS + 1) * LABELS];
    }

    private EnModel(int bits, short[] table, float scale, float[] trans) {
        this.bits = bits;
        this.weights = null;
        this.scale = scale;
        this.trans = trans;
        int rows = 1 << bits;
        this.live = new long[(rows + 63) >>> 6];
        this.liveBefore = new int[live.length];
        int kept = 0;
        for (int r = 0; r < rows; r++) {
            if ((r & 63) == 0) {
                liveBefore[r >>> 6] = kept;
            }
            for (int l = 0; l < LABELS; l++) {
                if (table[r * LABELS + l] != 0) {
                    live[r >>> 6] |= 1L << r;
                    kept++;
                    break;
                }
            }
        }
        this.fixed = new short[kept * LABELS];
        for (int r = 0, k = 0; r < rows; r++) {
            if ((live[r >>> 6] & (1L << r)) != 0) {
                System.arraycopy(table, r * LABELS, fixed, k, LABELS);
                k += LABELS;
            }
        }
        this.allowed = allowedTrans(trans);
    }

    private static float[] allowedTrans(float[] trans) {
        float[] tr = new float[trans.length];
        for (int p = -1; p < LABELS; p++) {
            for (int l = 0; l < LABELS; l++) {
                int i = (p + 1) * LABELS + l;
                tr[i] = EnLabels.allowed(p, l) ? trans[i] : Float.NEGATIVE_INFINITY;
            }
        }
        return tr;
    }

    /** Offset of a bucket's row in {@link #fixed}, or -1 when all its weights are zero. */
    private int rowOffset(int bucket) {
        long word = live[bucket >>> 6];
        long bit = 1L << bucket;
        if ((word & bit) == 0) {
            return -1;
        }
        return (liveBefore[bucket >>> 6] + Long.bitCount(word & (bit - 1))) * LABELS;
    }

    int mask() {
        return (1 << bits) - 1;
    }

    /** Emission scores {@code [i * LABELS + label]} of {@code n} tokens with {@code k} feature ids each. */
    float[] emissions(int[] feats, int n, int k) {
        return emissions(feats, n, k, null);
    }

    /**
     * Emission scores of the tokens marked in {@code active} (null: all); the others are held at O (their other
     * labels at minus infinity), so their weights are never read. Loaded models only when {@code active} is given.
     */
    float[] emissions(int[] feats, int n, int k, boolean[] active) {
        float[] em = new float[n * LABELS];
        if (weights != null) {
            for (int i = 0; i < n; i++) {
                int eo = i * LABELS;
                for (int f = i * k, end = f + k; f < end; f++) {
                    int wo = feats[f] * LABELS;
                    for (int l = 0; l < LABELS; l++) {
                        em[eo + l] += weights[wo + l];
                    }
                }
            }
            return em;
        }
        short[] w = fixed;
        for (int i = 0; i < n; i++) {
            int eo = i * LABELS;
            if (active != null && !active[i]) {
                for (int l = 1; l < LABELS; l++) {
                    em[eo + l] = Float.NEGATIVE_INFINITY;
                }
                continue;
            }
            int s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
            for (int f = i * k, end = f + k; f < end; f++) {
                int wo = rowOffset(feats[f]);
                if (wo < 0) {
                    continue;
                }
                s0 += w[wo];
                s1 += w[wo + 1];
                s2 += w[wo + 2];
                s3 += w[wo + 3];
                s4 += w[wo + 4];
                s5 += w[wo + 5];
                s6 += w[wo + 6];
                s7 += w[wo + 7];
                s8 += w[wo + 8];
            }
            em[eo] = s0 * scale;
            em[eo + 1] = s1 * scale;
            em[eo + 2] = s2 * scale;
            em[eo + 3] = s3 * scale;
            em[eo + 4] = s4 * scale;
            em[eo + 5] = s5 * scale;
            em[eo + 6] = s6 * scale;
            em[eo + 7] = s7 * scale;
            em[eo + 8] = s8 * scale;
        }
        return em;
    }

    /** Best valid label sequence for the emission scores. */
    int[] viterbi(float[] em, int n) {
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        float[] tr = allowed != null ? allowed : allowedTrans(trans);
        float[] score = new float[n * LABELS];
        int[] back = new int[n * LABELS];
        for (int l = 0; l < LABELS; l++) {
            score[l] = em[l] + tr[l];
        }
        for (int i = 1; i < n; i++) {
            int po = (i - 1) * LABELS;
            int co = i * LABELS;
            for (int l = 0; l < LABELS; l++) {
                if (em[co + l] == Float.NEGATIVE_INFINITY) {
                    score[co + l] = Float.NEGATIVE_INFINITY;
                    continue;
                }
                float bestScore = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int p = 0; p < LABELS; p++) {
                    float s = score[po + p] + tr[LABELS + p * LABELS + l];
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

    /** Writes the model: header, transitions, then the weights as (zero-run, 16-bit value) pairs, gzip-compressed. */
    void write(OutputStream os) throws IOException {
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float sc = max / 32767f;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            out.writeInt(bits);
            out.writeInt(LABELS);
            for (float t : trans) {
                out.writeFloat(t);
            }
            out.writeFloat(sc);
            int i = 0;
            int len = weights.length;
            while (i < len) {
                int run = 0;
                while (i < len && Math.round(weights[i] / sc) == 0 && run < Short.MAX_VALUE) {
                    run++;
                    i++;
                }
                out.writeShort(run);
                out.writeShort(i < len ? Math.round(weights[i] / sc) : 0);
                i++;
            }
        }
    }

    static EnModel read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a warta English NER model");
            }
            int bits = in.readInt();
            int labels = in.readInt();
            if (labels != LABELS || bits < 8 || bits > 24) {
                throw new IOException("incompatible English NER model: bits " + bits + ", labels " + labels);
            }
            float[] trans = new float[(LABELS + 1) * LABELS];
            for (int i = 0; i < trans.length; i++) {
                trans[i] = in.readFloat();
            }
            float sc = in.readFloat();
            short[] fixed = new short[(1 << bits) * LABELS];
            int i = 0;
            while (i < fixed.length) {
                i += in.readUnsignedShort();
                short v = in.readShort();
                if (i < fixed.length) {
                    fixed[i] = v;
                }
                i++;
            }
            return new EnModel(bits, fixed, sc, trans);
        }
    }
}
