package dev.warta.app.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The records a Streams application's producers have sent, per topic (outputs, changelogs and repartition topics
 * alike), from the producers' own {@code producer-topic-metrics / record-send-total}: how many Kafka records a stage
 * writes per article. Transaction markers are not records and are not counted.
 */
final class TopicRecords {
    private TopicRecords() {}

    /** Records sent so far per topic by the producers of {@code streams}. */
    static Map<String, Long> sent(KafkaStreams streams) {
        Map<String, Long> out = new HashMap<>();
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName n = e.getKey();
            String topic = n.tags().get("topic");
            if (n.group().equals("producer-topic-metrics")
                    && n.name().equals("record-send-total")
                    && topic != null
                    && e.getValue().metricValue() instanceof Number v) {
                out.merge(topic, v.longValue(), Long::sum);
            }
        }
        return out;
    }

    /** Per topic, the records sent between the snapshots {@code before} and {@code after}. */
    static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((t, n) -> out.put(t, n - before.getOrDefault(t, 0L)));
        return out;
    }
}
