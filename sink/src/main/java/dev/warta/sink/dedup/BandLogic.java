package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * What a band bucket does when an article probes it; pure, shared by the topology's band processor and the
 * offline benchmark. The bucket keeps the first {@code capacity} articles seen; an article already in the bucket
 * (a replay of the same id) is never its own match and is not stored twice.
 */
public final class BandLogic {
    private BandLogic() {}

    /** The answer to a probe and the bucket's new content ({@code updated} null when unchanged). */
    public record Probed(BandMatch match, List<BandEntry> updated) {}

    /**
     * Probes a bucket.
     *
     * @param entries   the bucket's entries, oldest first (empty for a new bucket)
     * @param exact     true for the exact-text band: every entry is a repeat (similarity 1.0)
     * @param signature the probing article's MinHash signature (ignored when exact)
     */
    public static Probed probe(
            List<BandEntry> entries,
            String id,
            long ts,
            int[] signature,
            boolean exact,
            double threshold,
            int capacity) {
        BandMatch best = null;
        boolean self = false;
        for (BandEntry e : entries) {
            if (e.id().equals(id)) {
                self = true;
                continue;
            }
            double sim = exact ? 1.0 : similarity(signature, e.signature());
            if (sim >= threshold) {
                best = BandMatch.better(best, new BandMatch(e.rootId(), e.rootTs(), e.id(), sim));
            }
        }
        List<BandEntry> updated = null;
        if (!self && entries.size() < capacity) {
            String root = best == null ? id : best.rootId();
            long rootTs = best == null ? ts : best.rootTs();
            updated = new ArrayList<>(entries.size() + 1);
            updated.addAll(entries);
            updated.add(new BandEntry(id, root, rootTs, ts, exact ? new short[0] : low16(signature)));
        }
        return new Probed(best, updated);
    }

    /** Share of equal positions between a signature and a stored 16-bit one. */
    public static double similarity(int[] signature, short[] stored) {
        int n = Math.min(signature.length, stored.length);
        if (n == 0) {
            return 0.0;
        }
        int same = 0;
        for (int i = 0; i < n; i++) {
            if ((short) signature[i] == stored[i]) {
                same++;
            }
        }
        return (double) same / n;
    }

    static short[] low16(int[] signature) {
        short[] out = new short[signature.length];
        for (int i = 0; i < signature.length; i++) {
            out[i] = (short) signature[i];
        }
        return out;
    }
}
