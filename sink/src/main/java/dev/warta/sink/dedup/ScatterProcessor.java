package dev.warta.sink.dedup;

import dev.warta.sink.SinkInput;
import java.util.List;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Scatter step: for each article, one {@code PROBES} message per partition of the band topic that owns some of
 * its band buckets, keyed by the first of those bucket keys (so default partitioning brings it to the task that
 * owns them all) and carrying the signature once. The first message also carries the article (its bytes as read,
 * not re-encoded) and the number of buckets to wait for. With {@code bands + 1} buckets and {@code partitions}
 * band partitions an article costs at most {@code partitions} band messages instead of {@code bands + 2}.
 */
public final class ScatterProcessor extends ContextualProcessor<String, SinkInput, String, DedupMessage> {
    private final Probes probes;
    private final int partitions;

    /** {@code partitions}: the partition count of the band topic (fixed in the topology). */
    public ScatterProcessor(Probes probes, int partitions) {
        this.probes = probes;
        this.partitions = partitions;
    }

    @Override
    public void process(Record<String, SinkInput> record) {
        SinkInput a = record.value();
        String id = a.id();
        long ts = record.timestamp();
        // the source position identifies this delivery: two deliveries of one id are gathered separately
        String token = context()
                .recordMetadata()
                .map(m -> m.topic() + '/' + m.partition() + '/' + m.offset())
                .orElse("ts/" + ts);
        int[] signature = probes.signature(a.minhash(), a.text());
        List<Probes.Target> targets = probes.targets(signature, probes.textHash(a.textHash(), a.text()));
        List<List<Probes.Target>> groups = Probes.byPartition(targets, partitions);
        for (int g = 0; g < groups.size(); g++) {
            List<Probes.Target> group = groups.get(g);
            context()
                    .forward(record.withKey(group.get(0).key())
                            .withValue(DedupMessage.probes(
                                    id, token, ts, group, signature, g == 0 ? a.wire() : null, targets.size())));
        }
    }
}
