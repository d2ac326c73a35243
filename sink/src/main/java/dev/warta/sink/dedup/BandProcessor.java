package dev.warta.sink.dedup;

import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Band step, on the partition that owns the probed buckets: answers a {@code PROBES} message from the bucket
 * store (remembering the prober in each bucket that has room) with one {@code ANSWERS} message keyed by article
 * id: how many buckets answered and the best match among them, plus the article when the probes carried it.
 * The first version's {@code PROBE} / {@code ARTICLE} messages are still answered / passed on.
 */
public final class BandProcessor extends ContextualProcessor<String, DedupMessage, String, DedupMessage> {
    private static final int[] NO_SIGNATURE = new int[0];
    private final String storeName;
    private final double threshold;
    private final int capacity;
    private KeyValueStore<String, List<BandEntry>> store;

    public BandProcessor(String storeName, double threshold, int capacity) {
        this.storeName = storeName;
        this.threshold = threshold;
        this.capacity = capacity;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        super.init(context);
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        int[] signature = m.signature() == null ? NO_SIGNATURE : m.signature();
        switch (m.kind()) {
            case PROBES -> {
                BandMatch best = null;
                for (Probes.Target t : m.targets()) {
                    best = BandMatch.better(best, probe(t.key(), m, signature, t.exact()));
                }
                context().forward(record.withKey(m.articleId())
                        .withValue(DedupMessage.answers(m, m.targets().size(), best)));
            }
            case PROBE -> context().forward(record.withKey(m.articleId())
                    .withValue(DedupMessage.answer(m.articleId(), m.token(), probe(record.key(), m, signature, m.exact()))));
            default -> context().forward(record.withKey(m.articleId()));
        }
    }

    private BandMatch probe(String bucket, DedupMessage m, int[] signature, boolean exact) {
        List<BandEntry> entries = store.get(bucket);
        BandLogic.Probed probed = BandLogic.probe(entries == null ? List.of() : entries, m.articleId(), m.ts(),
                signature, exact, threshold, capacity);
        if (probed.updated() != null) {
            store.put(bucket, probed.updated());
        }
        return probed.match();
    }
}
