package dev.warta.enrich.lang;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Multinomial naive Bayes over hashed {@link Features}: a dense table of smoothed log-probabilities laid out
 * {@code [bucket * languages + language]} so one feature touches one contiguous row. Immutable after loading;
 * scoring allocates only a tiny sink object.
 *
 * <p>The file holds the raw counts (sparse, delta + varint encoded); smoothing happens at load time.
 */
final class NgramModel {

    private static final int MAGIC = 0x574C4E47; // "WLNG"
    private static final int VERSION = 1;

    private final String[] languages;
    private final int bits;
    private final float[] table;

    private NgramModel(String[] languages, int bits, float[] table) {
        this.languages = languages;
        this.bits = bits;
        this.table = table;
    }

    String[] languages() {
        return languages.clone();
    }

    int size() {
        return languages.length;
    }

    String language(int index) {
        return languages[index];
    }

    int indexOf(String code) {
        for (int i = 0; i < languages.length; i++) {
            if (languages[i].equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Adds the log-likelihood of {@code text[from, to)} under each language to {@code scores}.
     *
     * @return number of features seen
     */
    int score(CharSequence text, int from, int to, float[] scores) {
        Scorer s = new Scorer(table, scores);
        Features.extract(text, from, to, bits, s);
        return s.features;
    }

    private static final class Scorer implements Features.Sink {
        private final float[] table;
        private final float[] scores;
        private final int n;
        int features;

        Scorer(float[] table, float[] scores) {
            this.table = table;
            this.scores = scores;
            this.n = scores.length;
        }

        @Override
        public void accept(int bucket) {
            int base = bucket * n;
            float[] t = table;
            float[] s = scores;
            for (int l = 0; l < n; l++) {
                s[l] += t[base + l];
            }
            features++;
        }
    }

    /** Writes raw counts {@code counts[language][bucket]}. */
    static void write(OutputStream out, List<String> languages, int bits, float alpha, int[][] counts) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(bits);
        d.writeFloat(alpha);
        d.writeInt(languages.size());
        for (int l = 0; l < languages.size(); l++) {
            d.writeUTF(languages.get(l));
            int[] c = counts[l];
            int nnz = 0;
            for (int v : c) {
                if (v != 0) {
                    nnz++;
                }
            }
            d.writeInt(nnz);
            int prev = 0;
            for (int b = 0; b < c.length; b++) {
                if (c[b] != 0) {
                    writeVarint(d, b - prev);
                    writeVarint(d, c[b]);
                    prev = b;
                }
            }
        }
        d.flush();
    }

    static NgramModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != VERSION) {
            throw new IOException("not a warta language model");
        }
        int bits = d.readInt();
        float alpha = d.readFloat();
        int n = d.readInt();
        int buckets = 1 << bits;
        String[] langs = new String[n];
        float[] table = new float[buckets * n];
        int[] counts = new int[buckets];
        for (int l = 0; l < n; l++) {
            langs[l] = d.readUTF();
            java.util.Arrays.fill(counts, 0);
            int nnz = d.readInt();
            long total = 0;
            int b = 0;
            for (int i = 0; i < nnz; i++) {
                b += readVarint(d);
                int c = readVarint(d);
                counts[b] = c;
                total += c;
            }
            double denom = Math.log(total + (double) alpha * buckets);
            for (int k = 0; k < buckets; k++) {
                table[k * n + l] = (float) (Math.log(counts[k] + alpha) - denom);
            }
        }
        // centre each row: a constant per feature does not change the ranking, and smaller numbers keep float sums exact
        for (int k = 0; k < buckets; k++) {
            float mean = 0;
            for (int l = 0; l < n; l++) {
                mean += table[k * n + l];
            }
            mean /= n;
            for (int l = 0; l < n; l++) {
                table[k * n + l] -= mean;
            }
        }
        return new NgramModel(langs, bits, table);
    }

    private static void writeVarint(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            d.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    private static int readVarint(DataInputStream d) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = d.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("bad varint");
    }
}
