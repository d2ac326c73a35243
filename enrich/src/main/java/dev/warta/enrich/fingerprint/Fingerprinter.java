package dev.warta.enrich.fingerprint;

/** Near-duplicate fingerprints of clean text. Thread-safe. (Stub: being built.) */
public final class Fingerprinter {

    /** Hash of the normalized text: equal for exact repeats. */
    public String textHash(String text) {
        return Integer.toHexString(text.strip().toLowerCase().hashCode());
    }

    /** MinHash signature over word 5-gram shingles. */
    public int[] minhash(String text) {
        return new int[0];
    }
}
