package dev.warta.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records that arrive on some topics after it was created (read_committed, no consumer
 * group), the wall-clock times of the first and last arrival, the payload bytes, and optionally each record's
 * latency: arrival time minus the record timestamp. Runs its own thread until closed.
 */
final class TopicCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastByTopic = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final LatencyHistogram latencies;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile RuntimeException failure;
    private volatile long mark = Long.MAX_VALUE;
    private volatile long markNanos;

    private final java.util.Set<String> finalTopics;

    /** Counts {@code topics}; the first/last arrival times and latencies are those of {@code finalTopics} only. */
    TopicCounter(
            Properties client, List<String> topics, java.util.Set<String> finalTopics, LatencyHistogram latencies) {
        this.finalTopics = java.util.Set.copyOf(finalTopics);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "warta-bench-counter");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.latencies = latencies;
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : topics) {
            counts.put(t, new AtomicLong());
            for (PartitionInfo info : consumer.partitionsFor(t, Duration.ofSeconds(30))) {
                parts.add(new TopicPartition(t, info.partition()));
            }
        }
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        for (TopicPartition tp : parts) {
            consumer.position(tp, Duration.ofSeconds(30));
        }
        thread = new Thread(this::loop, "warta-bench-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                long nowNanos = System.nanoTime();
                long nowMillis = System.currentTimeMillis();
                boolean finalSeen = false;
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    counts.get(r.topic()).incrementAndGet();
                    lastByTopic.put(r.topic(), nowNanos);
                    if (!finalTopics.contains(r.topic())) {
                        continue;
                    }
                    finalSeen = true;
                    bytes.addAndGet(r.serializedValueSize() < 0 ? 0 : r.serializedValueSize());
                    if (latencies != null) {
                        latencies.record(Math.max(0, nowMillis - r.timestamp()));
                    }
                }
                if (finalSeen) {
                    if (firstNanos == 0) {
                        firstNanos = nowNanos;
                    }
                    lastNanos = nowNanos;
                    if (markNanos == 0 && total() >= mark) {
                        markNanos = nowNanos;
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    long count(String topic) {
        AtomicLong c = counts.get(topic);
        return c == null ? 0 : c.get();
    }

    /** Records counted on the final topics. */
    long total() {
        return finalTopics.stream().mapToLong(this::count).sum();
    }

    long bytes() {
        return bytes.get();
    }

    /** Remembers when the final topics reach {@code n} records (the end of a warm-up); call before they do. */
    void mark(long n) {
        mark = n;
    }

    /** {@link System#nanoTime()} when the final topics reached the {@link #mark} count, 0 when not yet. */
    long markNanos() {
        return markNanos;
    }

    /** Seconds between the first and the last arrival. */
    double activeSeconds() {
        return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
    }

    /** {@link System#nanoTime()} of the last arrival on {@code topic}, 0 when none. */
    long lastNanos(String topic) {
        return lastByTopic.getOrDefault(topic, 0L);
    }

    long lastNanos() {
        return lastNanos;
    }

    /** Polls (no sleeping: it waits on the counter thread) until {@code total() >= n}; false on timeout. */
    boolean awaitTotal(long n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total() < n) {
            if (failure != null) {
                throw failure;
            }
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                return false;
            }
            thread.join(20);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
