package dev.warta.common.stream;

import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings every warta stream stage shares: exactly-once v2, dead letters, String keys. */
public final class StreamsSettings {
    private StreamsSettings() {}

    /**
     * The commit interval of {@code stage}. Under exactly-once a record becomes visible downstream only when the
     * transaction that wrote it commits, so every stream hop costs about one commit interval of latency: enrich
     * has one hop, the sink two (scatter, band-and-decide; three with more than one band partition: scatter, band,
     * gather). 100 ms everywhere gave p99 640-800 ms ingest-to-clean
     * even at 50-100 articles/s; enrich 50 ms and sink 30 ms keep the path near 200 ms for a few more small
     * transactions per second. Other stages keep 100 ms. An explicit {@code commit.interval.ms} wins.
     */
    public static int commitIntervalMs(String stage) {
        return switch (stage == null ? "" : stage) {
            case "enrich" -> 50;
            case "sink" -> 30;
            default -> 100;
        };
    }

    /**
     * Streams properties for {@code stage} under {@code applicationId}; {@code clientOverrides} (bootstrap
     * servers, security, state dir, anything else) win over the defaults.
     */
    public static Properties of(
            String stage, String applicationId, String registryUrl, String version, Properties clientOverrides) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs(stage));
        p.put("processing.exception.handler.global.enabled", true);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        // an enriched article is ~10 KB before compression: the default 16 KB batches held one or two records each,
        // and every batch costs the producer (a compression stream), the broker (validation, append) and the consumer
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 32 * 1024 * 1024);
        // repartition and changelog topics carry whole articles too
        p.put(StreamsConfig.topicPrefix("max.message.bytes"), String.valueOf(32 * 1024 * 1024));
        // after a kill -9 the dead process's members stay in the group until their session times out, and the
        // restarted process waits in REBALANCING that long (Streams' default 45 s: measured 44 s per restart)
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 2_000);
        p.put(DeadLetterHandler.STAGE, stage);
        if (version != null) {
            p.put(DeadLetterHandler.VERSION, version);
        }
        p.put(AvroSerde.REGISTRY_URL, registryUrl);
        if (clientOverrides != null) {
            p.putAll(clientOverrides);
        }
        return p;
    }
}
