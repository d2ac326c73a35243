package dev.warta.sink.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ProbesTest {
    private static List<Probes.Target> targets(int n) {
        List<Probes.Target> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Probes.Target("b" + i + ":" + Long.toHexString(i * 0x9E3779B97F4A7C15L), false));
        }
        out.add(new Probes.Target("x:7be1c2", true));
        return out;
    }

    @Test
    void shouldPutEveryTargetInExactlyOneGroupWhoseKeysShareTheProducersPartition() {
        List<Probes.Target> all = targets(32);
        for (int partitions : new int[] {1, 3, 7, 64}) {
            List<List<Probes.Target>> groups = Probes.byPartition(all, partitions);
            assertThat(groups.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(all);
            assertThat(groups.size()).isLessThanOrEqualTo(Math.min(partitions, all.size()));
            List<Integer> seen = new ArrayList<>();
            for (List<Probes.Target> g : groups) {
                int p = kafkaPartition(g.get(0).key(), partitions);
                assertThat(g)
                        .allSatisfy(t ->
                                assertThat(kafkaPartition(t.key(), partitions)).isEqualTo(p));
                assertThat(seen).doesNotContain(p);
                seen.add(p);
            }
        }
    }

    @Test
    void shouldKeepOneGroupForOnePartition() {
        assertThat(Probes.byPartition(targets(32), 1)).hasSize(1);
        assertThat(Probes.byPartition(List.of(), 3)).isEmpty();
    }

    /** What the Kafka producer does with a String key (the reference the grouping must agree with). */
    private static int kafkaPartition(String key, int partitions) {
        return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions);
    }
}
