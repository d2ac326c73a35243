package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive hashing of MinHash signatures: {@code bands} bands of {@code rows} values each; two articles
 * whose signatures agree on all rows of any band share that band's key. With the default 20 x 6 (of 256 values)
 * the chance that two texts of Jaccard similarity s share a band is {@code 1 - (1 - s^6)^20}: 0.99999 at s = 0.85,
 * 0.998 at 0.8, 0.98 at 0.75, 0.92 at 0.7, but 0.27 at 0.5 and 0.015 at 0.3, so unrelated articles rarely
 * become candidates (a candidate is then compared by its whole signature, so this costs time, not precision).
 * Immutable.
 */
public final class Lsh {
    private final int bands;
    private final int rows;

    public Lsh(int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
    }

    /** Band keys {@code b<i>:<hash>} of a signature; fewer bands when the signature is short, none when empty. */
    public List<String> bandKeys(int[] signature) {
        int usable = Math.min(bands, signature.length / rows);
        List<String> keys = new ArrayList<>(usable);
        for (int b = 0; b < usable; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < rows; r++) {
                h = mix(h ^ signature[b * rows + r]);
            }
            keys.add("b" + b + ':' + Long.toHexString(h));
        }
        return keys;
    }

    /** The extra band for exact repeats: {@code x:<textHash>}. */
    public static String exactKey(String textHash) {
        return "x:" + textHash;
    }

    /** Probability that two texts of Jaccard similarity {@code s} share at least one band. */
    public double candidateProbability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
