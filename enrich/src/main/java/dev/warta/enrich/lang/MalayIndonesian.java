package dev.warta.enrich.lang;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Malaysian Malay against Indonesian decision: a logistic regression over hashed word, word-bigram and
 * within-word character n-gram features ({@link #features}; the n-grams of {@code ^word$} carry prefixes, suffixes
 * and stems, so affixed forms such as {@code dijangkakan} or {@code kualitinya} count). Learned from text of both
 * countries by {@link TrainMalayIndonesian}; words the two share get weights near zero and are cut to exactly zero,
 * so they carry no vote. The result is log-odds in nats, positive for Malay: short text with no distinctive word
 * gets a small value either way, i.e. low confidence, rather than a default language. Immutable and thread-safe.
 */
final class MalayIndonesian {

    private static final int MAGIC = 0x574D5349; // "WMSI"
    private static final int VERSION = 1;
    /** Longest word (in chars) that yields features. */
    static final int MAX_WORD = 24;
    /** Character n-gram orders over {@code ^word$}. */
    static final int MIN_ORDER = 3;

    static final int MAX_ORDER = 4;
    private static final int BOUNDARY = '^';
    private static final int END = '$';

    private final int bits;
    private final byte[] weights;
    private final float scale;
    private final float bias;

    MalayIndonesian(int bits, byte[] weights, float scale, float bias) {
        if (weights.length != 1 << bits) {
            throw new IllegalArgumentException("weights: " + weights.length + " for " + bits + " bits");
        }
        this.bits = bits;
        this.weights = weights;
        this.scale = scale;
        this.bias = bias;
    }

    int bits() {
        return bits;
    }

    /**
     * Log-odds (nats) that {@code text[from, to)} is Malaysian Malay rather than Indonesian: positive for Malay,
     * negative for Indonesian, near zero when nothing tells them apart.
     */
    float logOdds(CharSequence text, int from, int to) {
        int[] sum = new int[1];
        features(text, from, to, bits, b -> sum[0] += weights[b]);
        return bias + sum[0] * scale;
    }

    /** Receives one feature bucket. */
    interface Sink {
        void accept(int bucket);
    }

    /**
     * Emits the feature buckets of {@code text[from, to)}: per word (letters only, lower-cased) the word, the pair
     * with the previous word (when only spaces or a hyphen separate them) and the character n-grams of
     * {@code ^word$} of orders {@value #MIN_ORDER}..{@value #MAX_ORDER}. Shared by training and detection.
     */
    static void features(CharSequence text, int from, int to, int bits, Sink sink) {
        final int shift = 32 - bits;
        int[] word = new int[MAX_WORD + 2];
        int len = 0;
        boolean overlong = false;
        int previous = 0; // hash of the previous word, 0 when the pair is broken
        boolean joined = true; // only spaces/hyphens since the previous word
        for (int i = from; i <= to; i++) {
            int c = i == to ? -1 : letter(text.charAt(i));
            if (c == -2) {
                continue; // combining mark: stays with its letter
            }
            if (c > 0) {
                if (len < MAX_WORD) {
                    word[1 + len] = c;
                } else {
                    overlong = true;
                }
                len++;
                continue;
            }
            if (len > 0) {
                if (!overlong) {
                    int h = wordHash(word, len);
                    sink.accept(mix(h, 1) >>> shift);
                    if (previous != 0 && joined) {
                        sink.accept(mix(previous * 31 + h, 2) >>> shift);
                    }
                    ngrams(word, len, shift, sink);
                    previous = h;
                } else {
                    previous = 0;
                }
                len = 0;
                overlong = false;
                joined = true;
            }
            if (i < to) {
                char ch = text.charAt(i);
                if (ch != ' ' && ch != '-') {
                    joined = false;
                }
            }
        }
    }

    /** Lower-cased letter code, -1 for a word boundary, -2 for a combining mark. */
    private static int letter(char ch) {
        if (ch < 128) {
            if (ch >= 'a' && ch <= 'z') {
                return ch;
            }
            if (ch >= 'A' && ch <= 'Z') {
                return ch + 32;
            }
            return -1;
        }
        if (Character.isLetter(ch)) {
            return Character.toLowerCase(ch);
        }
        return Character.getType(ch) == Character.NON_SPACING_MARK ? -2 : -1;
    }

    private static int wordHash(int[] word, int len) {
        int h = 0x811c9dc5;
        for (int k = 1; k <= len; k++) {
            h = (h ^ word[k]) * 0x01000193;
        }
        return h == 0 ? 1 : h;
    }

    private static void ngrams(int[] word, int len, int shift, Sink sink) {
        word[0] = BOUNDARY;
        word[len + 1] = END;
        int padded = len + 2;
        for (int start = 0; start + MIN_ORDER <= padded; start++) {
            int h = 0x811c9dc5;
            for (int k = 0; k < MAX_ORDER && start + k < padded; k++) {
                h = (h ^ word[start + k]) * 0x01000193;
                if (k + 1 >= MIN_ORDER) {
                    sink.accept(mix(h, 2 + k + 1) >>> shift);
                }
            }
        }
    }

    /** Fibonacci hashing of {@code h} salted by the feature kind: the top bits pick the bucket. */
    private static int mix(int h, int kind) {
        return (h + kind * 0x632BE5AB) * 0x9E3779B9;
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(bits);
        d.writeFloat(scale);
        d.writeFloat(bias);
        d.write(weights);
        d.flush();
    }

    static MalayIndonesian read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != VERSION) {
            throw new IOException("not a warta Malay/Indonesian model (version " + VERSION + ")");
        }
        int bits = d.readInt();
        float scale = d.readFloat();
        float bias = d.readFloat();
        if (bits < 8 || bits > 24 || !(scale > 0) || !Float.isFinite(bias)) {
            throw new IOException("corrupt Malay/Indonesian model header");
        }
        byte[] weights = new byte[1 << bits];
        d.readFully(weights);
        return new MalayIndonesian(bits, weights, scale, bias);
    }

    /** Quantizes float weights within {@code [-clip, clip]} to bytes; weights that round to zero carry no vote. */
    static MalayIndonesian quantize(int bits, float[] w, float bias, float clip) {
        float scale = clip / 127f;
        byte[] table = new byte[w.length];
        for (int i = 0; i < w.length; i++) {
            table[i] = (byte) Math.max(-127, Math.min(127, Math.round(w[i] / scale)));
        }
        return new MalayIndonesian(bits, table, scale, bias);
    }
}
