package dev.warta.sink.dedup;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Band step, on the partition that owns the probed buckets: answers a {@code PROBES} message from the bucket
 * store (remembering the prober in each bucket that has room) with one {@code ANSWERS} message keyed by article
 * id: how many buckets answered and the best match among them, plus the article when the probes carried it.
 * The first version's {@code PROBE} / {@code ARTICLE} messages are still answered / passed on. The buckets and
 * signatures are a {@link BandIndex}.
 */
public final class BandProcessor extends ContextualProcessor<String, DedupMessage, String, DedupMessage> {
    private final String storeName;
    private final String signatureStoreName;
    private final double threshold;
    private final int capacity;
    private BandIndex index;

    public BandProcessor(String storeName, String signatureStoreName, double threshold, int capacity) {
        this.storeName = storeName;
        this.signatureStoreName = signatureStoreName;
        this.threshold = threshold;
        this.capacity = capacity;
    }

    @Override
    public void init(ProcessorContext<String, DedupMessage> context) {
        super.init(context);
        index = BandIndex.of(context, storeName, signatureStoreName, threshold, capacity);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        switch (m.kind()) {
            case PROBES ->
                context()
                        .forward(record.withKey(m.articleId())
                                .withValue(DedupMessage.answers(m, m.targets().size(), index.probeAll(m))));
            case PROBE ->
                context()
                        .forward(record.withKey(m.articleId())
                                .withValue(DedupMessage.answer(
                                        m.articleId(), m.token(), index.probeOne(record.key(), m))));
            default -> context().forward(record.withKey(m.articleId()));
        }
    }
}
