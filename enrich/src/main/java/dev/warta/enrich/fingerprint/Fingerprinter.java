package dev.warta.enrich.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Near-duplicate fingerprints of clean text. Thread-safe: the permutation coefficients are fixed at construction
 * and never change.
 *
 * <p>Both fingerprints work on the <em>normalized</em> text ({@link #normalize(String)}: NFKC, lower case,
 * everything that is not a letter, digit or combining mark becomes a separator, whitespace collapsed), so that
 * punctuation, case and spacing edits do not matter.
 * <ul>
 *   <li>{@link #textHash(String)}: SHA-256 (hex) of the normalized text, equal for exact repeats.</li>
 *   <li>{@link #minhash(String)}: a {@value #PERMUTATIONS}-value MinHash signature over word 5-gram shingles
 *   (texts with fewer than 5 words form one shingle of all their words); the share of equal positions of two
 *   signatures estimates the Jaccard similarity of their shingle sets ({@link #similarity(int[], int[])}).</li>
 * </ul>
 * The coefficients come from a fixed seed: signatures are comparable across processes and versions.
 *
 * <pre>{@code
 * Fingerprinter f = new Fingerprinter();
 * double j = Fingerprinter.similarity(f.minhash(a), f.minhash(b));
 * }</pre>
 */
public final class Fingerprinter {
    /** Number of MinHash values in a signature. */
    public static final int PERMUTATIONS = 128;
    /** Words per shingle. */
    public static final int SHINGLE = 5;
    private static final long SEED = 0x7761727461L; // "warta"

    private final long[] mulA = new long[PERMUTATIONS];
    private final long[] addB = new long[PERMUTATIONS];

    public Fingerprinter() {
        long state = SEED;
        for (int i = 0; i < PERMUTATIONS; i++) {
            state += 0x9E3779B97F4A7C15L;
            mulA[i] = mix64(state) | 1L; // odd multiplier
            state += 0x9E3779B97F4A7C15L;
            addB[i] = mix64(state);
        }
    }

    /** Hash of the normalized text: equal for exact repeats (and for texts differing only in case/punctuation). */
    public String textHash(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty() && text != null && !text.isBlank()) {
            // emoji-only or symbol-only text: still tell one such text from another
            normalized = "\u0000" + Normalizer.normalize(text.strip(), Normalizer.Form.NFKC);
        }
        return sha256Hex(normalized);
    }

    /** MinHash signature over word 5-gram shingles; empty when the text has no words. */
    public int[] minhash(String text) {
        String normalized = normalize(text);
        if (normalized.isEmpty()) {
            return new int[0];
        }
        long[] words = wordHashes(normalized);
        int n = words.length;
        int k = Math.min(SHINGLE, n);
        int[] sig = new int[PERMUTATIONS];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (int start = 0; start + k <= n; start++) {
            long h = 0;
            for (int j = 0; j < k; j++) {
                h = (h ^ words[start + j]) * 0x100000001B3L + j;
            }
            long x = mix64(h);
            for (int i = 0; i < PERMUTATIONS; i++) {
                int v = (int) ((mulA[i] * x + addB[i]) >>> 33); // non-negative 31-bit value
                if (v < sig[i]) {
                    sig[i] = v;
                }
            }
        }
        return sig;
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
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** 64-bit hashes of the space-separated words of a normalized text. */
    private static long[] wordHashes(String normalized) {
        int count = 1;
        for (int i = 0; i < normalized.length(); i++) {
            if (normalized.charAt(i) == ' ') {
                count++;
            }
        }
        long[] out = new long[count];
        int w = 0;
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
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
