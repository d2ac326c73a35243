package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Scatter step: for each article, one {@code PROBES} message per partition of the band topic that owns some of
 * its band buckets, keyed by the first of those bucket keys (so default partitioning brings it to the task that
 * owns them all) and carrying the signature once. The first message also carries the article and the number of
 * buckets to wait for. With {@code bands + 1} buckets and {@code partitions} band partitions an article costs
 * at most {@code partitions} band messages instead of {@code bands + 2}.
 */
public final class ScatterProcessor extends ContextualProcessor<String, EnrichedArticle, String, DedupMessage> {
    private final Probes probes;
    private final int partitions;
    private final DedupSerdes serdes;

    /**
     * {@code partitions}: the partition count of the band topic (fixed in the topology); {@code serdes} encodes
     * the article once for its way through the band and gather steps.
     */
    public ScatterProcessor(Probes probes, int partitions, DedupSerdes serdes) {
        this.probes = probes;
        this.partitions = partitions;
        this.serdes = serdes;
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
        List<List<Probes.Target>> groups = Probes.byPartition(targets, partitions);
        byte[] encoded = serdes.encode(a);
        for (int g = 0; g < groups.size(); g++) {
            List<Probes.Target> group = groups.get(g);
            context().forward(record.withKey(group.get(0).key()).withValue(DedupMessage.probes(id, token, ts, group,
                    signature, g == 0 ? encoded : null, targets.size())));
        }
    }
}
