package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Scatter step: for each article, one {@code ARTICLE} message keyed by its id (carrying how many answers to wait
 * for) and one {@code PROBE} per band bucket keyed by the bucket key, so the next repartition brings similar
 * articles to the same bucket store whatever partition their ids hash to.
 */
public final class ScatterProcessor extends ContextualProcessor<String, EnrichedArticle, String, DedupMessage> {
    private final Probes probes;

    public ScatterProcessor(Probes probes) {
        this.probes = probes;
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle a = record.value();
        String id = a.getId();
        long ts = record.timestamp();
        // the source position identifies this delivery: two deliveries of one id are gathered separately
        String token = context().recordMetadata()
                .map(m -> m.topic() + '/' + m.partition() + '/' + m.offset())
                .orElse("ts/" + ts);
        int[] signature = probes.signature(a);
        List<Probes.Target> targets = probes.targets(signature, probes.textHash(a));
        context().forward(record.withKey(id)
                .withValue(DedupMessage.article(id, token, ts, targets.size(), a)));
        for (Probes.Target t : targets) {
            context().forward(record.withKey(t.key())
                    .withValue(DedupMessage.probe(id, token, ts, t.exact(), signature)));
        }
    }
}
