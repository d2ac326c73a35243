package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Band step, on the partition that owns the probed buckets: answers a {@code PROBES} message from the bucket
 * store (remembering the prober in each bucket that has room) with one {@code ANSWERS} message keyed by article
 * id: how many buckets answered and the best match among them, plus the article when the probes carried it.
 * The first version's {@code PROBE} / {@code ARTICLE} messages are still answered / passed on.
 *
 * <p>A bucket entry no longer carries its article's signature: the signature is stored once per article and
 * band partition in the signature store (keyed by id and timestamp) instead of once per bucket (33 times), and
 * looked up when a later article lands in the same bucket. Entries written with an inline signature (first
 * version) are still compared with it.
 */
public final class BandProcessor extends ContextualProcessor<String, DedupMessage, String, DedupMessage> {
    private static final int[] NO_SIGNATURE = new int[0];
    private static final short[] NO_STORED_SIGNATURE = new short[0];
    private final String storeName;
    private final String signatureStoreName;
    private final double threshold;
    private final int capacity;
    private KeyValueStore<String, List<BandEntry>> store;
    private KeyValueStore<String, short[]> signatures;

    public BandProcessor(String storeName, String signatureStoreName, double threshold, int capacity) {
        this.storeName = storeName;
        this.signatureStoreName = signatureStoreName;
        this.threshold = threshold;
        this.capacity = capacity;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        super.init(context);
        store = context.getStateStore(storeName);
        signatures = context.getStateStore(signatureStoreName);
    }

    /** The key of an article's signature in the signature store. */
    static String signatureKey(String id, long ts) {
        return id + '\u0000' + ts;
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        int[] signature = m.signature() == null ? NO_SIGNATURE : m.signature();
        switch (m.kind()) {
            case PROBES -> {
                Map<String, short[]> looked = new HashMap<>();
                BandMatch best = null;
                boolean remembered = false;
                for (Probes.Target t : m.targets()) {
                    Probe p = probe(t.key(), m, signature, t.exact(), looked);
                    best = BandMatch.better(best, p.match());
                    remembered |= p.remembered() && !t.exact();
                }
                rememberSignature(m, signature, remembered);
                context().forward(record.withKey(m.articleId())
                        .withValue(DedupMessage.answers(m, m.targets().size(), best)));
            }
            case PROBE -> {
                Probe p = probe(record.key(), m, signature, m.exact(), new HashMap<>());
                rememberSignature(m, signature, p.remembered() && !m.exact());
                context().forward(record.withKey(m.articleId())
                        .withValue(DedupMessage.answer(m.articleId(), m.token(), p.match())));
            }
            default -> context().forward(record.withKey(m.articleId()));
        }
    }

    private record Probe(BandMatch match, boolean remembered) {
    }

    private void rememberSignature(DedupMessage m, int[] signature, boolean remembered) {
        if (remembered && signature.length > 0) {
            signatures.put(signatureKey(m.articleId(), m.ts()), BandLogic.low16(signature));
        }
    }

    private Probe probe(String bucket, DedupMessage m, int[] signature, boolean exact, Map<String, short[]> looked) {
        List<BandEntry> stored = store.get(bucket);
        List<BandEntry> entries = stored == null ? List.of() : stored;
        BandLogic.Probed probed = BandLogic.probe(exact ? entries : withSignatures(entries, looked), m.articleId(),
                m.ts(), signature, exact, threshold, capacity);
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
