package dev.warta.app.platform;

import dev.warta.app.metrics.StageHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Watches that records keep moving through the pipeline, and is the safety net against hanging transactions.
 *
 * <p>Every {@code interval} it reads, for each partition of the watched topics, the last stable offset (LSO, what a
 * {@code read_committed} consumer can reach) and the end offset, and the offsets committed by the watched consumer
 * groups. The process is reported down ({@code /health} 503, the reason in the body) while
 * <ul>
 *   <li>a partition's LSO has stayed below its end for {@code stallAfter}: records wait behind an open transaction;</li>
 *   <li>a group's committed offset has stayed below the partition's LSO for {@code stallAfter}: records wait and the
 *       stage makes no progress.</li>
 * </ul>
 * Each round it also looks for hanging transactions (KIP-664) on the watched partitions, {@code __consumer_offsets} and
 * the stages' internal (changelog, repartition) topics:
 * a producer whose transaction has been open on a partition longer than {@code hangAfter} while its transaction
 * coordinator does not have that transaction in progress (unknown, already completed, or past its own timeout by
 * {@code hangAfter}) is aborted on that partition with {@link Admin#abortTransaction}, and the reason is logged. Such a
 * transaction would otherwise hold the LSO, and with it every {@code read_committed} consumer, for ever.
 */
public final class ProgressWatch implements StageHealth, AutoCloseable {
    private static final String OFFSETS_TOPIC = "__consumer_offsets";
    private static final Set<TransactionState> IN_PROGRESS =
            EnumSet.of(TransactionState.ONGOING, TransactionState.PREPARE_COMMIT, TransactionState.PREPARE_ABORT);

    private final Admin admin;
    private final List<String> topics;
    private final Map<String, String> groupInputs;
    private final Duration stallAfter;
    private final Duration hangAfter;
    private final Consumer<String> log;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "warta-progress-watch");
        t.setDaemon(true);
        return t;
    });
    /** Per partition (or group:partition): the offset seen and since when it has not moved while records waited. */
    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    private volatile Status status;

    private record Stall(long offset, long sinceMillis) {}

    /**
     * @param topics      topics whose partitions must not stay behind an open transaction
     * @param groupInputs consumer group id → the topic it consumes (its committed offsets must follow)
     */
    public ProgressWatch(
            Properties clientProperties,
            List<String> topics,
            Map<String, String> groupInputs,
            Duration stallAfter,
            Duration hangAfter,
            Consumer<String> log) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.admin = Admin.create(p);
        this.topics = List.copyOf(topics);
        this.groupInputs = Map.copyOf(groupInputs);
        this.stallAfter = stallAfter;
        this.hangAfter = hangAfter;
        this.log = log;
        this.clock = Clock.systemUTC();
        this.status = new Status("progress", "not checked yet", true);
    }

    /** Watches warta's pipeline: news.raw, news.enriched and news.clean, and the enrich and sink groups. */
    public static ProgressWatch forPipeline(Platform platform, Consumer<String> log) {
        return new ProgressWatch(
                platform.clientProperties(),
                List.of("news.raw", "news.enriched", "news.clean"),
                Map.of(Stages.ENRICH_APP_ID, "news.raw", Stages.SINK_APP_ID, "news.enriched"),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                log);
    }

    /** Checks now and then every {@code interval} until {@link #close()}. */
    public ProgressWatch start(Duration interval) {
        scheduler.scheduleWithFixedDelay(this::checkQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public Status status() {
        return status;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (Exception e) {
            // the broker may be restarting; the streams' own health says whether the process is usable
            status = new Status(
                    "progress", "not checked: " + e.getClass().getSimpleName() + ": " + e.getMessage(), true);
        }
    }

    /** One round: aborts hanging transactions, then updates the health status. */
    public synchronized Status check() throws Exception {
        Map<TopicPartition, Long> stable = new HashMap<>();
        Map<TopicPartition, Long> end = new HashMap<>();
        List<TopicPartition> partitions = partitionsOf(topics);
        offsets(partitions, stable, end);
        abortHanging(partitions);
        long now = clock.millis();
        List<String> problems = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            long lso = stable.getOrDefault(tp, 0L);
            long hw = end.getOrDefault(tp, 0L);
            stalled(tp.toString(), lso, lso < hw, now)
                    .ifPresent(secs -> problems.add(tp + ": last stable offset " + lso + " < end " + hw + " for " + secs
                            + " s (records wait behind an open transaction)"));
        }
        for (Map.Entry<String, String> g : groupInputs.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.getKey())
                    .partitionsToOffsetAndMetadata()
                    .get();
            for (TopicPartition tp : partitions) {
                if (!tp.topic().equals(g.getValue())) {
                    continue;
                }
                OffsetAndMetadata c = committed.get(tp);
                long at = c == null ? 0 : c.offset();
                long lso = stable.getOrDefault(tp, 0L);
                stalled(g.getKey() + ":" + tp, at, at < lso, now)
                        .ifPresent(secs -> problems.add(g.getKey() + " on " + tp + ": committed " + at + " of " + lso
                                + ", no progress for " + secs + " s"));
            }
        }
        Status s = problems.isEmpty()
                ? new Status("progress", "records flowing", true)
                : new Status("progress", String.join("; ", problems), false);
        status = s;
        return s;
    }

    /** Seconds {@code key} has stood at {@code offset} while {@code waiting}, when that is at least stallAfter. */
    private Optional<Long> stalled(String key, long offset, boolean waiting, long now) {
        if (!waiting) {
            stalls.remove(key);
            return Optional.empty();
        }
        Stall s = stalls.compute(key, (k, old) -> old != null && old.offset() == offset ? old : new Stall(offset, now));
        long secs = (now - s.sinceMillis()) / 1000;
        return now - s.sinceMillis() >= stallAfter.toMillis() ? Optional.of(secs) : Optional.empty();
    }

    /** The partitions of those of {@code names} that exist. */
    private List<TopicPartition> partitionsOf(Collection<String> names) throws Exception {
        List<TopicPartition> out = new ArrayList<>();
        for (var e : admin.describeTopics(names).topicNameValues().entrySet()) {
            try {
                e.getValue().get().partitions().forEach(p -> out.add(new TopicPartition(e.getKey(), p.partition())));
            } catch (ExecutionException missing) {
                if (!(missing.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw missing;
                }
            }
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private void offsets(
            List<TopicPartition> partitions, Map<TopicPartition, Long> stable, Map<TopicPartition, Long> end)
            throws Exception {
        Map<TopicPartition, OffsetSpec> latest =
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .all()
                .get()
                .forEach((tp, r) -> stable.put(tp, r.offset()));
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                .all()
                .get()
                .forEach((tp, r) -> end.put(tp, r.offset()));
    }

    /**
     * Finds transactions left open on the watched partitions, consumer offsets and the stages' changelog and
     * repartition topics that no coordinator will end. A hanging transaction on a changelog holds the restore of its
     * store (a restarted stage never reaches RUNNING), on a repartition topic the next step.
     */
    private void abortHanging(List<TopicPartition> watched) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>(watched);
        partitions.addAll(partitionsOf(List.of(OFFSETS_TOPIC))); // absent until a group first commits
        partitions.addAll(partitionsOf(admin.listTopics().names().get().stream()
                .filter(t -> t.endsWith("-changelog") || t.endsWith("-repartition"))
                .toList()));
        long now = clock.millis();
        Map<TopicPartition, List<ProducerState>> open = new HashMap<>();
        Set<Long> producerIds = new HashSet<>();
        admin.describeProducers(partitions).all().get().forEach((tp, state) -> {
            for (ProducerState p : state.activeProducers()) {
                if (p.currentTransactionStartOffset().isPresent() && now - p.lastTimestamp() >= hangAfter.toMillis()) {
                    open.computeIfAbsent(tp, k -> new ArrayList<>()).add(p);
                    producerIds.add(p.producerId());
                }
            }
        });
        if (open.isEmpty()) {
            return;
        }
        Map<Long, TransactionListing> listings = new HashMap<>();
        for (TransactionListing l : admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all()
                .get()) {
            listings.put(l.producerId(), l);
        }
        Map<String, TransactionDescription> descriptions = listings.isEmpty()
                ? Map.of()
                : admin.describeTransactions(listings.values().stream()
                                .map(TransactionListing::transactionalId)
                                .toList())
                        .all()
                        .get();
        for (Map.Entry<TopicPartition, List<ProducerState>> e : open.entrySet()) {
            TopicPartition tp = e.getKey();
            for (ProducerState p : e.getValue()) {
                TransactionListing l = listings.get(p.producerId());
                TransactionDescription d = l == null ? null : descriptions.get(l.transactionalId());
                String why = hangingReason(tp, d, now, hangAfter);
                if (why == null) {
                    continue;
                }
                log.accept("aborting hanging transaction of producer " + p.producerId() + " (epoch " + p.producerEpoch()
                        + (l == null ? "" : ", transactional id " + l.transactionalId()) + ") on " + tp
                        + ": open since offset "
                        + p.currentTransactionStartOffset().getAsLong() + ", last write "
                        + (now - p.lastTimestamp()) / 1000
                        + " s ago, " + why);
                admin.abortTransaction(new AbortTransactionSpec(
                                tp,
                                p.producerId(),
                                (short) p.producerEpoch(),
                                p.coordinatorEpoch().orElse(0)))
                        .all()
                        .get();
            }
        }
    }

    /**
     * Why an open transaction on {@code tp} will not end by itself, or null when its coordinator is still on it.
     *
     * @param d its coordinator's description, null when the coordinator lists no transaction for the producer
     */
    static String hangingReason(TopicPartition tp, TransactionDescription d, long now, Duration hangAfter) {
        // Only a transaction that can only end in an abort is aborted: one its coordinator committed (or may have
        // committed: unknown to it, or a later transaction of the same producer) would lose acknowledged data if
        // aborted here; those stay, and the stall check reports them on /health.
        if (d == null || !d.topicPartitions().isEmpty() && !d.topicPartitions().contains(tp)) {
            return null;
        }
        if (d.state() == TransactionState.COMPLETE_ABORT || d.state() == TransactionState.PREPARE_ABORT) {
            return "its coordinator says " + d.state();
        }
        if (d.state() != TransactionState.ONGOING || !d.topicPartitions().contains(tp)) {
            return null;
        }
        long age = d.transactionStartTimeMs().isPresent()
                ? now - d.transactionStartTimeMs().getAsLong()
                : 0;
        if (age > d.transactionTimeoutMs() + hangAfter.toMillis()) {
            return "open " + age / 1000 + " s, past its " + d.transactionTimeoutMs() / 1000 + " s timeout";
        }
        return null;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
