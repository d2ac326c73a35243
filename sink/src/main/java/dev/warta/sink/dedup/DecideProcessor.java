package dev.warta.sink.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Band and gather steps in one, for a band topic of one partition: there every bucket lives in this task, so the
 * scatter sends one {@code PROBES} message per article carrying the article and all its buckets, and the verdict
 * is decided here without the gather round trip. The buckets live in memory ({@link MemoryBandIndex}); the only
 * state written to Kafka is one {@link Seen} record per article (its changelog), from which the index is rebuilt
 * when the task starts (after a restart, a crash or a rebalance). Same verdict rule as {@link BandProcessor} and
 * {@link GatherProcessor}; a replayed id gets the verdict it got the first time. A message that does not carry an
 * article with all its buckets cannot come from a one-partition scatter: it is refused (an exception, so the stage
 * dead-letters it).
 */
public final class DecideProcessor extends ContextualProcessor<String, DedupMessage, String, Decided> {
    private static final short[] NO_SIGNATURE = new short[0];
    private final String seenStoreName;
    private final double threshold;
    private final int capacity;
    private final VerdictWriter writer;
    private final DedupSerdes serdes;
    private KeyValueStore<String, Seen> seen;
    private MemoryBandIndex index;

    public DecideProcessor(
            String seenStoreName, double threshold, int capacity, VerdictWriter writer, DedupSerdes serdes) {
        this.seenStoreName = seenStoreName;
        this.threshold = threshold;
        this.capacity = capacity;
        this.writer = writer;
        this.serdes = serdes;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
        super.init(context);
        seen = context.getStateStore(seenStoreName);
        index = new MemoryBandIndex(threshold, capacity);
        List<Seen> remembered = new ArrayList<>();
        try (KeyValueIterator<String, Seen> all = seen.all()) {
            all.forEachRemaining(kv -> remembered.add(kv.value));
        }
        index.rebuild(remembered);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        byte[] articleBytes = serdes.articleBytes(m);
        if (m.kind() != DedupMessage.Kind.PROBES
                || articleBytes == null
                || m.expected() != m.targets().size()) {
            throw new IllegalStateException("dedup message " + m.kind() + " of " + m.articleId()
                    + " does not carry its article with all its buckets; a one-partition band topic expects that");
        }
        Seen known = seen.get(m.articleId());
        Verdict verdict = known != null ? known.verdict() : decide(m);
        Decided out = writer.apply(m.articleId(), articleBytes, verdict);
        context().forward(new Record<>(out.id(), out, Math.max(record.timestamp(), 0L)));
    }

    /** Probes the article's buckets, remembers it where there is room and stores its one record. */
    private Verdict decide(DedupMessage m) {
        int[] signature = m.signature() == null ? new int[0] : m.signature();
        MemoryBandIndex.Probed probed = index.probe(m.articleId(), m.targets(), signature);
        BandMatch best = probed.best();
        Verdict verdict = Verdict.of(best);
        boolean remembered = probed.roomIn().length > 0;
        Seen s = new Seen(
                m.articleId(),
                index.nextSeq(),
                m.ts(),
                best == null ? m.articleId() : best.rootId(),
                best == null ? m.ts() : best.rootTs(),
                remembered ? BandLogic.low16(signature) : NO_SIGNATURE,
                probed.roomIn(),
                verdict);
        index.add(s);
        seen.put(m.articleId(), s);
        return verdict;
    }
}
