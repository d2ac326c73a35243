package dev.warta.common.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Near-duplicate fingerprints of clean text. Stateless and thread-safe.
 *
 * <p>Both fingerprints work on the <em>normalized</em> text ({@link #normalize(String)}: NFKC, lower case,
 * everything that is not a letter, digit or combining mark becomes a separator, whitespace collapsed), so that
 * punctuation, case and spacing edits do not matter.
 * <ul>
 *   <li>{@link #textHash(String)}: SHA-256 (hex) of the normalized text, equal for exact repeats.</li>
 *   <li>{@link #minhash(String)}: a {@value #PERMUTATIONS}-value (one-permutation) MinHash signature over word
 *   5-gram shingles
 *   (texts with fewer than 5 words form one shingle of all their words); the share of equal positions of two
 *   signatures estimates the Jaccard similarity of their shingle sets ({@link #similarity(int[], int[])}).</li>
 * </ul>
 * Hashes come from a fixed seed: signatures are comparable across processes and versions. Cost: one 64-bit hash
 * per word and per shingle.
 *
 * <pre>{@code
 * Fingerprinter f = new Fingerprinter();
 * double j = Fingerprinter.similarity(f.minhash(a), f.minhash(b));
 * }</pre>
 */
public final class Fingerprinter {
    /** Number of MinHash values in a signature. */
    public static final int PERMUTATIONS = 1 << 8;
    /** Words per shingle. */
    public static final int SHINGLE = 5;

    private static final long SEED = 0x7761727461L; // "warta"

    public Fingerprinter() {}

    /** Both fingerprints of one text. */
    public record Fingerprint(String textHash, int[] minhash) {}

    /** {@link #textHash} and {@link #minhash} of {@code text}, normalizing it once. */
    public Fingerprint fingerprint(String text) {
        Chars normalized = normalizedChars(text);
        return new Fingerprint(textHash(text, new String(normalized.chars, 0, normalized.length)), minhash(normalized));
    }

    /** Hash of the normalized text: equal for exact repeats (and for texts differing only in case/punctuation). */
    public String textHash(String text) {
        return textHash(text, normalize(text));
    }

    private static String textHash(String text, String normalized) {
        if (normalized.isEmpty() && text != null && !text.isBlank()) {
            // emoji-only or symbol-only text: still tell one such text from another
            normalized = "\u0000" + Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        }
        return sha256Hex(normalized);
    }

    /**
     * MinHash signature over word 5-gram shingles; empty when the text has no words. One-permutation MinHash:
     * each shingle is hashed once to 64 bits, the top 8 bits pick one of {@value #PERMUTATIONS} bins, each bin
     * keeps the minimum of the low 31 bits; an empty bin borrows the value of a non-empty bin chosen by a
     * fixed hash sequence of its index (optimal densification, Shrivastava 2017), so the share of equal
     * positions estimates the Jaccard similarity as k-permutation MinHash does, at the cost of one hash per
     * shingle.
     */
    public int[] minhash(String text) {
        return minhash(normalizedChars(text));
    }

    private static int[] minhash(Chars normalized) {
        if (normalized.length == 0) {
            return new int[0];
        }
        long[] words = wordHashes(normalized.chars, normalized.length);
        int n = words.length;
        int k = Math.min(SHINGLE, n);
        int[] sig = new int[PERMUTATIONS];
        java.util.Arrays.fill(sig, EMPTY);
        for (int start = 0; start + k <= n; start++) {
            long h = SEED;
            for (int j = 0; j < k; j++) {
                h = (h ^ words[start + j]) * 0x100000001B3L;
            }
            long x = mix64(h);
            int bin = (int) (x >>> (64 - BIN_BITS));
            int v = (int) (x & 0x7FFFFFFFL);
            if (v < sig[bin]) {
                sig[bin] = v;
            }
        }
        densify(sig);
        return sig;
    }

    private static final int BIN_BITS = 8;
    private static final int EMPTY = Integer.MAX_VALUE;

    private static void densify(int[] sig) {
        int[] original = null;
        for (int i = 0; i < sig.length; i++) {
            if (sig[i] != EMPTY) {
                continue;
            }
            if (original == null) {
                original = sig.clone();
            }
            long state = mix64(SEED + i);
            for (int attempt = 0; attempt < 4096; attempt++) {
                state = mix64(state + 0x9E3779B97F4A7C15L);
                int j = (int) (state >>> (64 - BIN_BITS));
                if (original[j] != EMPTY) {
                    sig[i] = original[j];
                    break;
                }
            }
        }
    }

    /**
     * Estimated Jaccard similarity of the shingle sets behind two signatures: the share of equal positions over
     * the common length; 0 when either is empty.
     */
    public static double similarity(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            return 0.0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    /**
     * The normalized form both fingerprints use: NFKC, lower case, runs of anything but letters, digits and
     * combining marks become one space, no leading or trailing space. Null gives "".
     */
    public static String normalize(String text) {
        Chars n = normalizedChars(text);
        return new String(n.chars, 0, n.length);
    }

    /** ASCII letters and digits lower-cased; 0 for separators. */
    private static final char[] ASCII = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = c;
            ASCII[c - 'a' + 'A'] = c;
        }
    }

    /** The first {@code length} chars of {@code chars}. */
    private record Chars(char[] chars, int length) {}

    /** The normalized text, without building a String. */
    private static Chars normalizedChars(String text) {
        if (text == null || text.isEmpty()) {
            return new Chars(new char[0], 0);
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        int len = s.length();
        char[] out = new char[len + 2];
        int o = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < len; ) {
            char c = s.charAt(i);
            if (c < 128) {
                i++;
                char m = ASCII[c];
                if (m != 0) {
                    if (pendingSpace && o > 0) {
                        out[o++] = ' ';
                    }
                    pendingSpace = false;
                    out[o++] = m;
                } else {
                    pendingSpace = true;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                int lower = Character.toLowerCase(cp);
                int need = Character.charCount(lower) + 1;
                if (o + need >= out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2 + need);
                }
                if (pendingSpace && o > 0) {
                    out[o++] = ' ';
                }
                pendingSpace = false;
                o += Character.toChars(lower, out, o);
            } else {
                pendingSpace = true;
            }
        }
        return new Chars(out, o);
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** 64-bit hashes of the space-separated words of a normalized text. */
    private static long[] wordHashes(char[] normalized, int length) {
        int count = 1;
        for (int i = 0; i < length; i++) {
            if (normalized[i] == ' ') {
                count++;
            }
        }
        long[] out = new long[count];
        int w = 0;
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++) {
            char c = normalized[i];
            if (c == ' ') {
                out[w++] = mix64(h);
                h = 0xCBF29CE484222325L;
            } else {
                h = (h ^ c) * 0x100000001B3L;
            }
        }
        out[w] = mix64(h);
        return out;
    }

    /** SplitMix64 / Murmur3 finalizer: a well-mixed 64-bit value. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
