package dev.warta.app.platform;

import dev.warta.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.LongBinaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Replay progress: the end offsets of {@code news.raw} when the replay started, against what the replay's enrich
 * application has committed. The replay is done when every partition's committed offset reached its start end.
 */
public final class Replay {
    private Replay() {}

    /** Application id of the replay enrich for {@code version}: the same id resumes a stopped replay. */
    public static String applicationId(String version) {
        return "warta-replay-" + version.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** End offsets of news.raw now. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        var partitions = admin.describeTopics(java.util.List.of(Topics.RAW))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(Topics.RAW)
                .partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(new TopicPartition(Topics.RAW, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e :
                admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet()) {
            ends.put(e.getKey(), e.getValue().offset());
        }
        return ends;
    }

    /** Records of news.raw (up to {@code targets}) the replay application has committed. */
    public static long done(Admin admin, String applicationId, Map<TopicPartition, Long> targets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        long done = 0;
        for (Map.Entry<TopicPartition, Long> t : targets.entrySet()) {
            OffsetAndMetadata c = committed.get(t.getKey());
            done += Math.min(c == null ? 0 : c.offset(), t.getValue());
        }
        return done;
    }

    /** Total records to replay. */
    public static long total(Map<TopicPartition, Long> targets) {
        return targets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until the replay application committed everything up to {@code targets}, reporting
     * {@code (done, total)} to {@code progress} twice a second. Returns false if {@code stop} says so first.
     */
    public static boolean awaitCaughtUp(
            Properties client,
            String applicationId,
            Map<TopicPartition, Long> targets,
            LongBinaryOperator progress,
            java.util.function.BooleanSupplier stop,
            Duration poll)
            throws Exception {
        long total = total(targets);
        try (Admin admin = Admin.create(client)) {
            while (!stop.getAsBoolean()) {
                long done = done(admin, applicationId, targets);
                progress.applyAsLong(done, total);
                if (done >= total) {
                    return true;
                }
                TimeUnit.MILLISECONDS.sleep(poll.toMillis());
            }
        }
        return false;
    }
}
