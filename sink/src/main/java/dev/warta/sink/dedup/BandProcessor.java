package dev.warta.sink.dedup;

import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Band step, keyed by bucket key: answers each {@code PROBE} from the bucket store (and remembers the prober when
 * the bucket has room), re-keying the answer by article id; passes {@code ARTICLE} messages through re-keyed by id.
 */
public final class BandProcessor extends ContextualProcessor<String, DedupMessage, String, DedupMessage> {
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
        if (m.kind() == DedupMessage.Kind.PROBE) {
            List<BandEntry> entries = store.get(record.key());
            BandLogic.Probed probed = BandLogic.probe(entries == null ? List.of() : entries, m.articleId(), m.ts(),
                    m.signature() == null ? new int[0] : m.signature(), m.exact(), threshold, capacity);
            if (probed.updated() != null) {
                store.put(record.key(), probed.updated());
            }
            context().forward(record.withKey(m.articleId())
                    .withValue(DedupMessage.answer(m.articleId(), m.token(), probed.match())));
        } else {
            context().forward(record.withKey(m.articleId()));
        }
    }
}
