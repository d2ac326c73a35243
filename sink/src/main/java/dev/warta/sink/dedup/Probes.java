package dev.warta.sink.dedup;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

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
    public record Target(String key, boolean exact) {}

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

    /** The signature {@code stored} with an article, or computed from {@code text} when missing or too short. */
    public int[] signature(int[] stored, String text) {
        return stored != null && stored.length >= signatureLength ? stored : fingerprinter.minhash(text);
    }

    /** The article's normalized-text hash (from the record, or computed when missing). */
    public String textHash(EnrichedArticle a) {
        return textHash(a.getTextHash(), a.getText());
    }

    /** The normalized-text hash {@code stored} with an article, or computed from {@code text} when missing. */
    public String textHash(String stored, String text) {
        return stored == null || stored.isBlank() ? fingerprinter.textHash(text) : stored;
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

    /**
     * {@code targets} grouped by the partition of a {@code partitions}-partition topic their key goes to under
     * Kafka's default partitioning of String keys (murmur2 of the UTF-8 bytes), in order of first appearance:
     * each group can travel as one message keyed by its first key and reach the task that owns all its buckets.
     */
    public static List<List<Target>> byPartition(List<Target> targets, int partitions) {
        List<List<Target>> groups = new ArrayList<>();
        int[] groupOf = new int[partitions];
        java.util.Arrays.fill(groupOf, -1);
        for (Target t : targets) {
            int p = partition(t.key(), partitions);
            if (groupOf[p] < 0) {
                groupOf[p] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[p]).add(t);
        }
        return groups;
    }

    /** The partition Kafka's default partitioner gives String key {@code key} among {@code partitions}. */
    public static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
