package dev.warta.app.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The records written to a set of topics between two snapshots of their end offsets (transaction markers
 * included, so the figure is an upper bound of the data records): how many Kafka records a stage writes per article,
 * its changelogs and repartition topics included.
 */
final class TopicRecords {
    private TopicRecords() {
    }

    /** The summed end offsets per topic of the topics {@code wanted} selects (topics that do not exist count 0). */
    static Map<String, Long> endOffsets(Properties client, Predicate<String> wanted) {
        try (Admin admin = Admin.create(client)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(wanted).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> d.partitions()
                    .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<String, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.merge(tp.topic(), info.offset(), Long::sum));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read end offsets: " + e.getCause(), e.getCause());
        }
    }

    /** Per topic, the records written between {@code before} and {@code after}. */
    static Map<String, Long> written(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((t, end) -> out.put(t, end - before.getOrDefault(t, 0L)));
        return out;
    }
}
