package dev.warta.app.review;

import dev.warta.app.platform.Platform;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ReviewModel} up to date on a thread of its own: reads {@code news.clean}, {@code news.filtered} and
 * {@code news.dlq} from the beginning (committed records only, no consumer group) and counts {@code news.raw} by its
 * offsets. Also reads single articles back by their {@link ReviewModel.Location} for the article view.
 */
public final class ReviewFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewFeed.class);
    private static final Duration RAW_COUNT_EVERY = Duration.ofSeconds(2);

    private final ReviewModel model;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaConsumer<String, byte[]> reader;
    private final AvroSerde<EnrichedArticle> articles;
    private final AvroSerde<DeadLetter> deadLetters;
    private final List<TopicPartition> rawPartitions;
    private final Admin admin;
    private final Thread thread;
    private volatile boolean closed;

    private ReviewFeed(Platform platform, ReviewModel model) {
        this.model = model;
        this.articles = AvroSerde.of(EnrichedArticle.class, platform.registryUrl());
        this.deadLetters = AvroSerde.of(DeadLetter.class, platform.registryUrl());
        this.consumer = consumer(platform, "warta-review-");
        this.reader = consumer(platform, "warta-review-read-");
        List<TopicPartition> followed = new ArrayList<>();
        for (String topic : List.of(Topics.CLEAN, Topics.FILTERED, Topics.DLQ)) {
            followed.addAll(partitions(consumer, topic));
        }
        consumer.assign(followed);
        consumer.seekToBeginning(followed);
        rawPartitions = partitions(consumer, Topics.RAW);
        admin = Admin.create(platform.clientProperties());
        thread = new Thread(this::follow, "warta-review-feed");
        thread.setDaemon(true);
    }

    /** Starts following {@code platform}'s topics into {@code model}. */
    public static ReviewFeed start(Platform platform, ReviewModel model) {
        ReviewFeed feed = new ReviewFeed(platform, model);
        feed.thread.start();
        return feed;
    }

    private static KafkaConsumer<String, byte[]> consumer(Platform platform, String clientIdPrefix) {
        Properties p = platform.clientProperties();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private void follow() {
        long nextRawCount = 0;
        try {
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (System.nanoTime() >= nextRawCount) {
                    model.setRaw(rawRecords());
                    nextRawCount = System.nanoTime() + RAW_COUNT_EVERY.toNanos();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            LOG.error("review: stopped following the topics: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
            admin.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        ReviewModel.Location at = new ReviewModel.Location(r.topic(), r.partition(), r.offset());
        try {
            switch (r.topic()) {
                case Topics.CLEAN -> {
                    if (r.value() == null) {
                        model.removeClean(r.key());
                    } else {
                        model.putClean(
                                ReviewModel.Summary.of(articles.deserialize(r.topic(), r.value()), at, r.timestamp()));
                    }
                }
                case Topics.FILTERED -> {
                    if (r.value() != null) {
                        model.putFiltered(
                                ReviewModel.Summary.of(articles.deserialize(r.topic(), r.value()), at, r.timestamp()));
                    }
                }
                default -> {
                    if (r.value() != null) {
                        model.addDeadLetter(deadLetters.deserialize(r.topic(), r.value()), at);
                    }
                }
            }
        } catch (RuntimeException e) {
            // whatever someone else wrote into these topics: count it, show the rest
            LOG.warn("review: cannot decode {}/{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            model.addUndecodable(r.topic());
        }
    }

    /** Records in news.raw: its retention is unlimited and ingest writes no transactions, so offsets count them. */
    private long rawRecords() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            rawPartitions.forEach(tp -> {
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
            var end = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            var begin = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            return end.entrySet().stream()
                    .mapToLong(
                            e -> e.getValue().offset() - begin.get(e.getKey()).offset())
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("review: cannot count news.raw: {}", e.toString());
            return model.accounting().raw();
        }
    }

    /** The article at {@code location}, read back from Kafka; null when it is no longer there. */
    public synchronized EnrichedArticle read(ReviewModel.Location location) {
        TopicPartition tp = new TopicPartition(location.topic(), location.partition());
        reader.assign(List.of(tp));
        reader.seek(tp, location.offset());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                if (r.offset() >= location.offset()) {
                    return r.offset() == location.offset() && r.value() != null
                            ? articles.deserialize(r.topic(), r.value())
                            : null;
                }
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        consumer.wakeup();
        thread.join(10_000);
        synchronized (this) {
            reader.close(Duration.ofSeconds(5));
        }
    }
}
