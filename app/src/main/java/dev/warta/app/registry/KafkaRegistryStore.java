package dev.warta.app.registry;

import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.RegistryCatalog;
import dev.warta.schemas.registry.RegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link RegistryStore} on the compacted, single-partition {@link Topics#SCHEMAS} topic (created when missing,
 * replication factor min(3, brokers)). Replay reads the partition from the beginning up to its end offset, and
 * the same assigned consumer (no group) later catches up with what other registries wrote; appends go through an
 * idempotent producer with {@code acks=all} and wait for the acknowledgement.
 *
 * <p>The client {@link Properties} carry {@code bootstrap.servers} and any security settings; they are passed
 * through to the admin client, the consumer and the producer. Thread-safe.
 */
public final class KafkaRegistryStore implements RegistryStore {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryStore.class);
    private static final TopicPartition PARTITION = new TopicPartition(Topics.SCHEMAS, 0);

    private final Properties client;
    private final Duration timeout;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Object consumerLock = new Object();
    private KafkaConsumer<byte[], byte[]> consumer;

    /** A store on the cluster {@code client} names; {@code timeout} bounds topic creation, replay and each write. */
    public KafkaRegistryStore(Properties client, Duration timeout) {
        this.client = copy(client);
        this.timeout = timeout;
        ensureTopic();
        Properties p = copy(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), 1000)));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(timeout.toMillis(), 1000)));
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "warta-registry-store");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Properties copy(Properties source) {
        Properties p = new Properties();
        p.putAll(source);
        return p;
    }

    private void ensureTopic() {
        Properties p = copy(client);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (Admin admin = Admin.create(p)) {
            Set<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (topics.contains(Topics.SCHEMAS)) {
                return;
            }
            int brokers = admin.describeCluster()
                    .nodes()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .size();
            NewTopic topic = new NewTopic(Topics.SCHEMAS, 1, (short) Math.max(1, Math.min(3, brokers)))
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info(
                        "created {} (compacted, 1 partition, replication {})",
                        Topics.SCHEMAS,
                        topic.replicationFactor());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("interrupted while preparing " + Topics.SCHEMAS, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw storeError("cannot prepare " + Topics.SCHEMAS + " on " + client.get("bootstrap.servers"), e);
        }
    }

    @Override
    public void replay(Consumer<RegistryCatalog.Entry> sink) {
        synchronized (consumerLock) {
            if (consumer == null) {
                consumer = newConsumer();
            }
            consumer.seekToBeginning(List.of(PARTITION));
            int count = readToEnd(sink);
            LOG.info("replayed {} records of {}", count, Topics.SCHEMAS);
        }
    }

    @Override
    public void catchUp(Consumer<RegistryCatalog.Entry> sink) {
        synchronized (consumerLock) {
            if (consumer == null) {
                replay(sink);
            } else {
                readToEnd(sink);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Properties p = copy(client);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "warta-registry-reader");
        KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        c.assign(List.of(PARTITION));
        return c;
    }

    /** Reads from the consumer's position up to the partition's current end offset. */
    private int readToEnd(Consumer<RegistryCatalog.Entry> sink) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = 0;
        try {
            long end = consumer.endOffsets(List.of(PARTITION), timeout).get(PARTITION);
            while (consumer.position(PARTITION, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw storeError(
                            "reading " + Topics.SCHEMAS + " did not reach offset " + end + " within " + timeout, null);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    SchemasTopicCodec.decode(r.key(), r.value()).ifPresent(sink);
                    count++;
                }
            }
            return count;
        } catch (RegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw storeError("cannot read " + Topics.SCHEMAS + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void append(List<? extends RegistryCatalog.Entry> entries) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (RegistryCatalog.Entry e : entries) {
                sent.add(producer.send(
                        new ProducerRecord<>(Topics.SCHEMAS, 0, SchemasTopicCodec.key(e), SchemasTopicCodec.value(e))));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw storeError("interrupted while writing to " + Topics.SCHEMAS, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw storeError("cannot write to " + Topics.SCHEMAS + ": " + e.getMessage(), e);
        }
    }

    private static RegistryException storeError(String message, Throwable cause) {
        return new RegistryException(RegistryException.STORE_ERROR, 500, message, cause);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        synchronized (consumerLock) {
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
                consumer = null;
            }
        }
    }
}
