package dev.warta.app.platform;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.schemas.serde.WireFormatException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows a topic of {@link EnrichedArticle}s (committed records only) on a thread of its own and hands each article
 * to a callback: {@code warta tail}, the printer of {@code warta run}, the JSONL file sink. A record that cannot be
 * decoded is reported and skipped, never a crash.
 */
public final class ArticleFollower implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param groupId      consumer group (offsets committed), or null for a throwaway one
     * @param fromBeginning read the topic from the start, else only what arrives from now on
     */
    public ArticleFollower(
            Platform platform,
            String topic,
            String groupId,
            boolean fromBeginning,
            Consumer<EnrichedArticle> onArticle,
            Consumer<String> onError) {
        Properties p = platform.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId != null ? groupId : "warta-follow-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, groupId != null);
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class, platform.registryUrl());
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        if (groupId == null) {
            // no group: take every partition now and fix the start position before anything else is published
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        } else {
            consumer.subscribe(List.of(topic));
        }
        thread = new Thread(
                () -> {
                    try {
                        while (!closed) {
                            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                                try {
                                    onArticle.accept(serde.deserialize(r.topic(), r.value()));
                                } catch (WireFormatException e) {
                                    onError.accept(
                                            r.topic() + "/" + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                                }
                            }
                        }
                    } catch (WakeupException e) {
                        // closing
                    } finally {
                        consumer.close(Duration.ofSeconds(5));
                    }
                },
                "warta-follow-" + topic);
        thread.setDaemon(true);
    }

    /** Starts following. */
    public ArticleFollower start() {
        thread.start();
        return this;
    }

    /** Stops and waits for the consumer to close. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
    }
}
