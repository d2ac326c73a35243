package dev.warta.sink.dedup;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Band and gather steps in one, for a band topic of one partition: there every bucket lives in this task, so the
 * scatter sends one {@code PROBES} message per article carrying the article and all its buckets, and the verdict
 * is decided here without the gather round trip (no gather topic, no gather or pending store: one hop and two
 * stores fewer per article). Same {@link BandIndex} and verdict rule as {@link BandProcessor} and
 * {@link GatherProcessor}. A message that does not carry an article with all its buckets cannot come from a
 * one-partition scatter: it is refused (an exception, so the stage dead-letters it).
 */
public final class DecideProcessor extends ContextualProcessor<String, DedupMessage, String, Decided> {
    private final String bandStoreName;
    private final String signatureStoreName;
    private final String verdictStoreName;
    private final double threshold;
    private final int capacity;
    private final VerdictWriter writer;
    private final DedupSerdes serdes;
    private BandIndex index;
    private KeyValueStore<String, Verdict> verdicts;

    public DecideProcessor(String bandStoreName, String signatureStoreName, String verdictStoreName, double threshold,
                           int capacity, VerdictWriter writer, DedupSerdes serdes) {
        this.bandStoreName = bandStoreName;
        this.signatureStoreName = signatureStoreName;
        this.verdictStoreName = verdictStoreName;
        this.threshold = threshold;
        this.capacity = capacity;
        this.writer = writer;
        this.serdes = serdes;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
        super.init(context);
        index = BandIndex.of(context, bandStoreName, signatureStoreName, threshold, capacity);
        verdicts = context.getStateStore(verdictStoreName);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        byte[] articleBytes = serdes.articleBytes(m);
        if (m.kind() != DedupMessage.Kind.PROBES || articleBytes == null || m.expected() != m.targets().size()) {
            throw new IllegalStateException("dedup message " + m.kind() + " of " + m.articleId()
                    + " does not carry its article with all its buckets; a one-partition band topic expects that");
        }
        Decided out = writer.apply(m.articleId(), articleBytes,
                GatherProcessor.verdict(m.articleId(), index.probeAll(m), verdicts));
        context().forward(new Record<>(out.id(), out, Math.max(record.timestamp(), 0L)));
    }
}
