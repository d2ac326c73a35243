package dev.warta.enrich.lang;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A linear model over hashed {@link Features}: one weight per (feature bucket, language), quantized to a byte,
 * laid out {@code [bucket * languages + language]} so one feature touches one small contiguous row (24 bytes for
 * 24 languages: the whole 2^18-bucket table is ~6 MB and mostly stays in cache). A text's score for a language is
 * the sum of the weights of its features times {@link #scale()}: log-odds in nats. Immutable after loading; scoring
 * allocates only a tiny sink object.
 */
final class NgramModel {

    private static final int MAGIC = 0x574C4E47; // "WLNG"
    private static final int VERSION = 2;

    private final String[] languages;
    private final int bits;
    private final byte[] table;
    private final float scale;
    /** The same weights as unsigned bytes ({@code w + 128}) packed 8 per long, rows padded to whole longs. */
    private final long[] packed;

    private final int rowLongs;

    NgramModel(String[] languages, int bits, byte[] table, float scale) {
        this.languages = languages.clone();
        this.bits = bits;
        this.table = table;
        this.scale = scale;
        int n = languages.length;
        this.rowLongs = (n + 7) / 8;
        this.packed = new long[(1 << bits) * rowLongs];
        for (int b = 0; b < (1 << bits); b++) {
            for (int l = 0; l < n; l++) {
                long u = (table[b * n + l] + 128) & 0xFF;
                packed[b * rowLongs + l / 8] |= u << (8 * (l % 8));
            }
        }
    }

    String[] languages() {
        return languages.clone();
    }

    int size() {
        return languages.length;
    }

    int bits() {
        return bits;
    }

    float scale() {
        return scale;
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
     * Adds the score (nats) of {@code text[from, to)} for each language to {@code scores}.
     *
     * @return number of features seen
     */
    int score(CharSequence text, int from, int to, float[] scores) {
        Buffer features = new Buffer(Math.min(to - from, 4096) * 7 + 16);
        Features.extract(text, from, to, bits, features);
        int[] sums = sum(features.data, features.size);
        for (int l = 0; l < scores.length; l++) {
            scores[l] += sums[l] * scale;
        }
        return features.size;
    }

    /**
     * Sums the byte weights of the given features per language, SWAR style: each long of a row holds 8 unsigned
     * weights; even and odd bytes go to 4 lanes of 16 bits each, flushed before they can overflow.
     */
    private int[] sum(int[] buckets, int count) {
        int n = languages.length;
        int rl = rowLongs;
        long[] t = packed;
        int[] sums = new int[rl * 8];
        long[] even = new long[rl];
        long[] odd = new long[rl];
        final long mask = 0x00FF00FF00FF00FFL;
        int i = 0;
        while (i < count) {
            int stop = Math.min(count, i + 256); // 256 * 255 fits a 16-bit lane
            if (rl == 3) {
                long e0 = 0, e1 = 0, e2 = 0, o0 = 0, o1 = 0, o2 = 0;
                for (; i < stop; i++) {
                    int base = buckets[i] * 3;
                    long x0 = t[base], x1 = t[base + 1], x2 = t[base + 2];
                    e0 += x0 & mask;
                    o0 += (x0 >>> 8) & mask;
                    e1 += x1 & mask;
                    o1 += (x1 >>> 8) & mask;
                    e2 += x2 & mask;
                    o2 += (x2 >>> 8) & mask;
                }
                even[0] = e0;
                even[1] = e1;
                even[2] = e2;
                odd[0] = o0;
                odd[1] = o1;
                odd[2] = o2;
            } else {
                java.util.Arrays.fill(even, 0);
                java.util.Arrays.fill(odd, 0);
                for (; i < stop; i++) {
                    int base = buckets[i] * rl;
                    for (int j = 0; j < rl; j++) {
                        long x = t[base + j];
                        even[j] += x & mask;
                        odd[j] += (x >>> 8) & mask;
                    }
                }
            }
            for (int j = 0; j < rl; j++) {
                for (int k = 0; k < 4; k++) {
                    sums[j * 8 + 2 * k] += (int) ((even[j] >>> (16 * k)) & 0xFFFF);
                    sums[j * 8 + 2 * k + 1] += (int) ((odd[j] >>> (16 * k)) & 0xFFFF);
                }
            }
        }
        for (int l = 0; l < n; l++) {
            sums[l] -= 128 * count;
        }
        return sums;
    }

    /** Growable int buffer: the feature sink of one scoring call. */
    static final class Buffer implements Features.Sink {
        int[] data;
        int size;

        Buffer(int capacity) {
            data = new int[Math.max(16, capacity)];
        }

        @Override
        public void accept(int bucket) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = bucket;
        }
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(bits);
        d.writeFloat(scale);
        d.writeInt(languages.length);
        for (String l : languages) {
            d.writeUTF(l);
        }
        d.write(table);
        d.flush();
    }

    static NgramModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != VERSION) {
            throw new IOException("not a warta language model (version " + VERSION + ")");
        }
        int bits = d.readInt();
        float scale = d.readFloat();
        int n = d.readInt();
        if (bits < 8 || bits > 24 || n < 1 || n > 256) {
            throw new IOException("corrupt language model header");
        }
        String[] langs = new String[n];
        for (int l = 0; l < n; l++) {
            langs[l] = d.readUTF();
        }
        byte[] table = new byte[(1 << bits) * n];
        d.readFully(table);
        return new NgramModel(langs, bits, table, scale);
    }

    /** Quantizes float weights {@code [bucket * n + language]}, all within {@code [-clip, clip]}, to bytes. */
    static NgramModel quantize(List<String> languages, int bits, float[] weights, float clip) {
        float scale = clip / 127f;
        byte[] table = new byte[weights.length];
        for (int i = 0; i < weights.length; i++) {
            table[i] = (byte) Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
        }
        return new NgramModel(languages.toArray(String[]::new), bits, table, scale);
    }
}
