package dev.warta.sink.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink's near-duplicate decision without Kafka: the same probes, band logic and verdict folding as the
 * topology's scatter / band / gather processors, with in-memory maps for the stores, one article at a time.
 * For evaluation and offline tools; not thread-safe.
 */
public final class LocalDeduplicator {
    private final Probes probes;
    private final double threshold;
    private final int capacity;
    private final Map<String, List<BandEntry>> buckets = new HashMap<>();
    private final Map<String, Verdict> verdicts = new HashMap<>();
    private long comparisons;

    public LocalDeduplicator(int bands, int rows, double threshold, int capacity) {
        this.probes = new Probes(bands, rows);
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** Decides an article seen at {@code ts}: its verdict (the previous one when the id was seen before). */
    public Verdict offer(String id, long ts, int[] signature, String textHash) {
        BandMatch best = null;
        for (Probes.Target t : probes.targets(signature, textHash)) {
            List<BandEntry> entries = buckets.getOrDefault(t.key(), List.of());
            comparisons += entries.size();
            BandLogic.Probed probed = BandLogic.probe(entries, id, ts, signature, t.exact(), threshold, capacity);
            if (probed.updated() != null) {
                buckets.put(t.key(), probed.updated());
            }
            best = BandMatch.better(best, probed.match());
        }
        Verdict previous = verdicts.get(id);
        if (previous != null) {
            return previous;
        }
        Verdict v = Verdict.of(best);
        verdicts.put(id, v);
        return v;
    }

    /** Number of bucket entries compared so far (the cost of candidate checking). */
    public long comparisons() {
        return comparisons;
    }

    /** Number of non-empty buckets (band store size). */
    public int buckets() {
        return buckets.size();
    }
}
