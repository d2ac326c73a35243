package dev.warta.app.platform;

import dev.warta.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates warta's topics when they are missing, with the retention and compaction each needs. */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    /** Largest record on the article topics: a 10 MB page as UTF-8 in Avro, with room to spare. */
    static final String MAX_RECORD = String.valueOf(32 * 1024 * 1024);

    private TopicSetup() {
    }

    /** The topics warta needs, for {@code partitions} partitions and {@code replication} replicas. */
    public static List<NewTopic> topics(int partitions, short replication) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.RAW, partitions, replication).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RECORD)));
        topics.add(new NewTopic(Topics.ENRICHED, partitions, replication).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RECORD)));
        topics.add(new NewTopic(Topics.CLEAN, partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RECORD)));
        topics.add(new NewTopic(Topics.FILTERED, partitions, replication).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(90)),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RECORD)));
        topics.add(new NewTopic(Topics.DLQ, partitions, replication).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(365)))));
        topics.add(new NewTopic(Topics.INGEST_SEEN, partitions, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic(Topics.SCHEMAS, 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.RETENTION_MS_CONFIG, "-1")));
        return topics;
    }

    /** Creates the missing topics; existing ones are left as they are. */
    public static void ensure(Properties clientProps, int partitions, short replication) {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions, replication).stream()
                    .filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + clientProps.get("bootstrap.servers")
                    + " to create topics: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }
}
