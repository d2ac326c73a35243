package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The band buckets of one band partition: probing them with an article (the best earlier match) and remembering
 * the article in buckets that have room. A bucket entry does not carry its article's signature: the signature is
 * stored once per article in the signature store (keyed by id and timestamp) and looked up when a later article
 * lands in the same bucket. Entries written with an inline signature (first version) are compared with it.
 */
final class BandIndex {
    private static final int[] NO_SIGNATURE = new int[0];
    private static final short[] NO_STORED_SIGNATURE = new short[0];
    private final KeyValueStore<String, List<BandEntry>> store;
    private final KeyValueStore<String, short[]> signatures;
    private final double threshold;
    private final int capacity;

    BandIndex(
            KeyValueStore<String, List<BandEntry>> store,
            KeyValueStore<String, short[]> signatures,
            double threshold,
            int capacity) {
        this.store = store;
        this.signatures = signatures;
        this.threshold = threshold;
        this.capacity = capacity;
    }

    /** The index over the stores {@code storeName} (buckets) and {@code signatureStoreName} of a processor's task. */
    static BandIndex of(
            ProcessorContext<?, ?> context,
            String storeName,
            String signatureStoreName,
            double threshold,
            int capacity) {
        KeyValueStore<String, List<BandEntry>> store = context.getStateStore(storeName);
        KeyValueStore<String, short[]> signatures = context.getStateStore(signatureStoreName);
        return new BandIndex(store, signatures, threshold, capacity);
    }

    /** The key of an article's signature in the signature store. */
    static String signatureKey(String id, long ts) {
        return id + '\u0000' + ts;
    }

    /** Probes every bucket of a {@code PROBES} message; the best match among them (null when none). */
    BandMatch probeAll(DedupMessage m) {
        int[] signature = signature(m);
        Map<String, short[]> looked = new HashMap<>();
        BandMatch best = null;
        boolean remembered = false;
        for (Probes.Target t : m.targets()) {
            Probe p = probe(t.key(), m, signature, t.exact(), looked);
            best = BandMatch.better(best, p.match());
            remembered |= p.remembered() && !t.exact();
        }
        rememberSignature(m, signature, remembered);
        return best;
    }

    /** Probes the one bucket {@code bucket} of a first-version {@code PROBE} message. */
    BandMatch probeOne(String bucket, DedupMessage m) {
        int[] signature = signature(m);
        Probe p = probe(bucket, m, signature, m.exact(), new HashMap<>());
        rememberSignature(m, signature, p.remembered() && !m.exact());
        return p.match();
    }

    private static int[] signature(DedupMessage m) {
        return m.signature() == null ? NO_SIGNATURE : m.signature();
    }

    private record Probe(BandMatch match, boolean remembered) {}

    private void rememberSignature(DedupMessage m, int[] signature, boolean remembered) {
        if (remembered && signature.length > 0) {
            signatures.put(signatureKey(m.articleId(), m.ts()), BandLogic.low16(signature));
        }
    }

    private Probe probe(String bucket, DedupMessage m, int[] signature, boolean exact, Map<String, short[]> looked) {
        List<BandEntry> stored = store.get(bucket);
        List<BandEntry> entries = stored == null ? List.of() : stored;
        BandLogic.Probed probed = BandLogic.probe(
                exact ? entries : withSignatures(entries, looked),
                m.articleId(),
                m.ts(),
                signature,
                exact,
                threshold,
                capacity);
        if (probed.updated() == null) {
            return new Probe(probed.match(), false);
        }
        BandEntry added = probed.updated().get(probed.updated().size() - 1);
        List<BandEntry> next = new ArrayList<>(entries.size() + 1);
        next.addAll(entries);
        next.add(new BandEntry(added.id(), added.rootId(), added.rootTs(), added.ts(), NO_STORED_SIGNATURE));
        store.put(bucket, next);
        return new Probe(probed.match(), true);
    }

    /** {@code entries} with the signatures of those stored without one read from the signature store. */
    private List<BandEntry> withSignatures(List<BandEntry> entries, Map<String, short[]> looked) {
        List<BandEntry> out = null;
        for (int i = 0; i < entries.size(); i++) {
            BandEntry e = entries.get(i);
            if (e.signature().length > 0) {
                continue;
            }
            String key = signatureKey(e.id(), e.ts());
            short[] sig = looked.get(key);
            if (sig == null) {
                sig = signatures.get(key);
                sig = sig == null ? NO_STORED_SIGNATURE : sig;
                looked.put(key, sig);
            }
            if (out == null) {
                out = new ArrayList<>(entries);
            }
            out.set(i, new BandEntry(e.id(), e.rootId(), e.rootTs(), e.ts(), sig));
        }
        return out == null ? entries : out;
    }
}
