package dev.warta.ingest.sink;

import dev.warta.ingest.IngestTopics;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka {@link ArticleSink}: one idempotent producer ({@code acks=all}, lz4, linger 10 ms, 256 KiB batches) writes
 * {@code news.raw} (RawArticle, Avro in the registry wire format), {@code news.dlq} (DeadLetter) and the compacted
 * {@link IngestTopics#SEEN} index, all keyed by article id. Built from plain client configs: {@code bootstrap.servers},
 * {@code schema.registry.url} and any security settings are passed through to the producer, the consumer that loads
 * the seen index and the admin client that creates the seen topic when it is missing.
 *
 * <pre>{@code
 * try (KafkaArticleSink sink = new KafkaArticleSink(Map.of("bootstrap.servers", "127.0.0.1:9092",
 *         "schema.registry.url", "http://127.0.0.1:8081"))) { ... }
 * }</pre>
 */
public final class KafkaArticleSink implements ArticleSink {
    private final Map<String, Object> configs;
    private final KafkaProducer<String, byte[]> producer;
    private final AvroSerde<RawArticle> rawSerde;
    private final AvroSerde<DeadLetter> dlqSerde;
    private final String rawTopic;
    private final String dlqTopic;
    private final String seenTopic;

    /** A sink writing to the standard topics. */
    public KafkaArticleSink(Map<String, ?> clientConfigs) {
        this(clientConfigs, Topics.RAW, Topics.DLQ, IngestTopics.SEEN);
    }

    /** A sink from {@link Properties}. */
    public KafkaArticleSink(Properties props) {
        this(props.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, props::getProperty)));
    }

    /** A sink writing to the given topics (tests, multi-tenant setups). */
    public KafkaArticleSink(Map<String, ?> clientConfigs, String rawTopic, String dlqTopic, String seenTopic) {
        this.configs = new HashMap<>(clientConfigs);
        this.rawTopic = rawTopic;
        this.dlqTopic = dlqTopic;
        this.seenTopic = seenTopic;
        Map<String, Object> p = new HashMap<>(configs);
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "warta-ingest");
        // pages up to the 10 MB page limit (UTF-8, Avro) must fit; the topics allow 32 MB records
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.remove(AvroSerde.REGISTRY_URL);
        p.remove(AvroSerde.AUTO_REGISTER);
        this.producer = new KafkaProducer<>(p);
        Object url = configs.get(AvroSerde.REGISTRY_URL);
        this.rawSerde = new AvroSerde<>(RawArticle.class);
        this.dlqSerde = new AvroSerde<>(DeadLetter.class);
        Map<String, Object> serdeConfig = new HashMap<>();
        if (url != null) {
            serdeConfig.put(AvroSerde.REGISTRY_URL, url.toString());
        }
        if (configs.get(AvroSerde.AUTO_REGISTER) != null) {
            serdeConfig.put(AvroSerde.AUTO_REGISTER, configs.get(AvroSerde.AUTO_REGISTER));
        }
        rawSerde.configure(serdeConfig, false);
        dlqSerde.configure(serdeConfig, false);
    }

    @Override
    public CompletableFuture<Void> publish(RawArticle article) {
        byte[] value;
        try {
            value = rawSerde.serialize(rawTopic, article);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(new ProducerRecord<>(rawTopic, article.getId(), value));
    }

    @Override
    public CompletableFuture<Void> deadLetter(DeadLetter letter) {
        byte[] value;
        try {
            value = dlqSerde.serialize(dlqTopic, letter);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send(new ProducerRecord<>(
                dlqTopic, letter.getKey() != null ? letter.getKey() : letter.getProvenance(), value));
    }

    @Override
    public CompletableFuture<Void> markSeen(String id, String contentHash) {
        return send(new ProducerRecord<>(seenTopic, id, contentHash.getBytes(StandardCharsets.UTF_8)));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    done.completeExceptionally(error);
                } else {
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) { // metadata timeout (max.block.ms), closed producer, record too large
            done.completeExceptionally(e);
        }
        return done;
    }

    /**
     * Reads the whole seen topic (creating it, compacted, when missing). Fails with {@link IllegalStateException}
     * when the broker cannot be reached within {@code timeout}.
     */
    @Override
    public Map<String, String> loadSeen(Duration timeout) {
        ensureSeenTopic(timeout);
        Map<String, Object> c = new HashMap<>(configs);
        c.remove(AvroSerde.REGISTRY_URL);
        c.remove(AvroSerde.AUTO_REGISTER);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        c.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "warta-ingest-seen");
        Map<String, String> seen = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
            List<PartitionInfo> infos = consumer.partitionsFor(seenTopic, timeout);
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!caughtUp(consumer, end)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("could not read " + seenTopic + " within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> r :
                        consumer.poll(Duration.ofMillis(Math.min(500, left / 1_000_000 + 1)))) {
                    if (r.key() == null) {
                        continue;
                    }
                    if (r.value() == null) {
                        seen.remove(r.key());
                    } else {
                        seen.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Kafka unreachable: cannot read " + seenTopic + " within " + timeout, e);
        }
        return seen;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void ensureSeenTopic(Duration timeout) {
        Map<String, Object> a = new HashMap<>(configs);
        a.remove(AvroSerde.REGISTRY_URL);
        a.remove(AvroSerde.AUTO_REGISTER);
        a.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout.toMillis()));
        a.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                Math.max(1000, Math.min(timeout.toMillis(), 30_000)));
        try (Admin admin = Admin.create(a)) {
            NewTopic topic = new NewTopic(seenTopic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw new IllegalStateException(
                        "Kafka unreachable at " + configs.get("bootstrap.servers") + " (no answer within "
                                + timeout.toSeconds() + " s)",
                        e.getCause());
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create " + seenTopic + ": " + e.getCause().getMessage(), e.getCause());
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka unreachable: cannot create " + seenTopic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + seenTopic, e);
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
