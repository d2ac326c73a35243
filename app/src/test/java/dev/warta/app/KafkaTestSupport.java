package dev.warta.app;

import dev.warta.app.platform.ClusterConfig;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.platform.TopicSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reading topics in integration tests: poll until a condition holds or a deadline passes (no sleeps). */
public final class KafkaTestSupport {
    private KafkaTestSupport() {}

    /** Client properties naming only the bootstrap servers. */
    public static Properties client(String bootstrap) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    /** An embedded platform in {@code dataDir} on free ports (the machine is shared): 3 partitions, replication 1. */
    public static ClusterConfig embeddedConfig(Path dataDir) {
        return ClusterConfig.embedded(dataDir, 3);
    }

    /** Starts a broker in {@code dataDir} on a free port with warta's topics created on 3 partitions. */
    public static EmbeddedKafka brokerWithTopics(Path dataDir) {
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
        TopicSetup.ensure(client(kafka.bootstrapServers()), 3, (short) 1);
        return kafka;
    }

    /** Reads {@code topic} from the beginning (committed records only) until {@code done} holds or {@code timeout}. */
    public static <V> List<ConsumerRecord<String, V>> readUntil(
            String bootstrap,
            String topic,
            Deserializer<V> values,
            Predicate<List<ConsumerRecord<String, V>>> done,
            Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> seen = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(seen) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** Raw bytes of a topic until {@code count} records were read or {@code timeout}. */
    public static List<ConsumerRecord<String, byte[]>> readBytes(
            String bootstrap, String topic, int count, Duration timeout) {
        return readUntil(bootstrap, topic, new ByteArrayDeserializer(), r -> r.size() >= count, timeout);
    }
}
