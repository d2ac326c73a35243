package dev.warta.app.fault;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the pipeline published, read with {@code read_committed} from the beginning: how many times each id reached
 * news.clean and news.filtered, and the dead letters. {@link #await} reads until a condition holds and every
 * partition is read up to its last stable offset, or a deadline passes (polling, no sleeps).
 */
final class Outcomes {
    final Map<String, Integer> clean = new HashMap<>();
    final Map<String, Integer> filtered = new HashMap<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    long cleanCount() {
        return clean.values().stream().mapToLong(Integer::longValue).sum();
    }

    long filteredCount() {
        return filtered.values().stream().mapToLong(Integer::longValue).sum();
    }

    long deadLetters(String stage) {
        return deadLetters.stream().filter(d -> stage.equals(d.getStage())).count();
    }

    /** Records on news.clean + news.filtered + news.dlq (stages enrich and sink). */
    long accounted() {
        return cleanCount() + filteredCount() + deadLetters("enrich") + deadLetters("sink");
    }

    /** Ids published more than once to news.clean or news.filtered together. */
    List<String> duplicates() {
        Map<String, Integer> all = new HashMap<>(clean);
        filtered.forEach((k, v) -> all.merge(k, v, Integer::sum));
        return all.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    static Outcomes await(String bootstrap, String registryUrl, Predicate<Outcomes> done, Duration timeout) {
        Outcomes o = new Outcomes();
        AvroSerde<DeadLetter> dlq = AvroSerde.of(DeadLetter.class, registryUrl);
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-outcomes-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of(Topics.CLEAN, Topics.FILTERED, Topics.DLQ)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    switch (r.topic()) {
                        case Topics.CLEAN -> o.clean.merge(r.key(), 1, Integer::sum);
                        case Topics.FILTERED -> o.filtered.merge(r.key(), 1, Integer::sum);
                        default -> o.deadLetters.add(dlq.deserialize(r.topic(), r.value()));
                    }
                }
                if (done.test(o) && caughtUp(consumer, parts)) {
                    break;
                }
            }
        }
        return o;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> parts) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(10));
        for (TopicPartition tp : parts) {
            if (consumer.position(tp, Duration.ofSeconds(10)) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "clean " + cleanCount() + ", filtered " + filteredCount() + ", dlq enrich " + deadLetters("enrich")
                + ", dlq sink " + deadLetters("sink") + ", duplicates "
                + duplicates().size();
    }
}
