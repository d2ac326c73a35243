package dev.warta.sink.dedup;

import dev.warta.enrich.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an article into the band buckets it probes: the LSH band keys of its MinHash signature plus the exact
 * band of its text hash. Uses the fingerprints enrich computed, and computes them here when a record lacks them
 * (an older enrichment version). Immutable, thread-safe.
 */
public final class Probes {
    private final Lsh lsh;
    private final int signatureLength;
    private final Fingerprinter fingerprinter = new Fingerprinter();

    public Probes(int bands, int rows) {
        this.lsh = new Lsh(bands, rows);
        this.signatureLength = bands * rows;
    }

    /** A bucket to probe: its key, and whether it is the exact band. */
    public record Target(String key, boolean exact) {
    }

    /** The article's signature (from the record, or computed when missing or too short). */
    public int[] signature(EnrichedArticle a) {
        List<Integer> stored = a.getMinhash();
        if (stored != null && stored.size() >= signatureLength) {
            int[] sig = new int[stored.size()];
            for (int i = 0; i < sig.length; i++) {
                sig[i] = stored.get(i);
            }
            return sig;
        }
        return fingerprinter.minhash(a.getText());
    }

    /** The article's normalized-text hash (from the record, or computed when missing). */
    public String textHash(EnrichedArticle a) {
        String h = a.getTextHash();
        return h == null || h.isBlank() ? fingerprinter.textHash(a.getText()) : h;
    }

    /** The buckets to probe: LSH bands of {@code signature}, then the exact band of {@code textHash}. */
    public List<Target> targets(int[] signature, String textHash) {
        List<String> keys = lsh.bandKeys(signature);
        List<Target> out = new ArrayList<>(keys.size() + 1);
        for (String k : keys) {
            out.add(new Target(k, false));
        }
        out.add(new Target(Lsh.exactKey(textHash), true));
        return out;
    }
}
