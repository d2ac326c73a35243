package dev.warta.app.platform;

import dev.warta.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates warta's topics when they are missing, with the retention and compaction each needs. */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
    /** Largest record on the article topics: a 10 MB page as UTF-8 in Avro, with room to spare. */
    static final String MAX_RECORD = String.valueOf(32 * 1024 * 1024);

    /**
     * Compression of the topics downstream consumers read ({@link #CONSUMER_TOPICS}): gzip, the one codec every
     * mainstream client decodes with its defaults (kafkajs has only gzip built in; the stages' producers use lz4, which
     * kafkajs cannot read). The broker recompresses what the stages send; internal topics keep the producers' lz4.
     */
    public static final String CONSUMER_COMPRESSION = "gzip";
    /** gzip's fastest level: most of level 6's ratio on article text for a fraction of the broker's CPU. */
    public static final String CONSUMER_GZIP_LEVEL = "1";
    /** The topics consumers outside warta read. */
    public static final List<String> CONSUMER_TOPICS =
            List.of(Topics.CLEAN, Topics.ENRICHED, Topics.FILTERED, Topics.DLQ);

    private TopicSetup() {}

    private static Map<String, String> consumerFacing(Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        all.put(TopicConfig.COMPRESSION_TYPE_CONFIG, CONSUMER_COMPRESSION);
        all.put(TopicConfig.COMPRESSION_GZIP_LEVEL_CONFIG, CONSUMER_GZIP_LEVEL);
        return all;
    }

    /** The topics warta needs, for {@code partitions} partitions and {@code replication} replicas. */
    public static List<NewTopic> topics(int partitions, short replication) {
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(Topics.RAW, partitions, replication)
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG,
                        "-1",
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        MAX_RECORD)));
        topics.add(new NewTopic(Topics.ENRICHED, partitions, replication)
                .configs(consumerFacing(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, MAX_RECORD))));
        topics.add(new NewTopic(Topics.CLEAN, partitions, replication)
                .configs(consumerFacing(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        MAX_RECORD))));
        topics.add(new NewTopic(Topics.FILTERED, partitions, replication)
                .configs(consumerFacing(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(TimeUnit.DAYS.toMillis(90)),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        MAX_RECORD))));
        topics.add(new NewTopic(Topics.DLQ, partitions, replication)
                .configs(consumerFacing(
                        Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(365))))));
        topics.add(new NewTopic(Topics.INGEST_SEEN, partitions, replication)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(new NewTopic(Topics.SCHEMAS, 1, replication)
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.RETENTION_MS_CONFIG,
                        "-1")));
        return topics;
    }

    /**
     * Consumer topics made by earlier builds carry no compression of their own (the broker keeps the producers' lz4):
     * give them {@link #CONSUMER_COMPRESSION}. A compression someone set on purpose is left alone, and so is a
     * cluster that does not let us change it.
     */
    private static void upgradeCompression(Admin admin, List<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            List<ConfigResource> resources = topics.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            configs.forEach((resource, config) -> {
                ConfigEntry compression = config.get(TopicConfig.COMPRESSION_TYPE_CONFIG);
                if (compression == null || compression.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                    changes.put(
                            resource,
                            List.of(
                                    new AlterConfigOp(
                                            new ConfigEntry(TopicConfig.COMPRESSION_TYPE_CONFIG, CONSUMER_COMPRESSION),
                                            AlterConfigOp.OpType.SET),
                                    new AlterConfigOp(
                                            new ConfigEntry(
                                                    TopicConfig.COMPRESSION_GZIP_LEVEL_CONFIG, CONSUMER_GZIP_LEVEL),
                                            AlterConfigOp.OpType.SET)));
                }
            });
            if (!changes.isEmpty()) {
                admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
                LOG.info(
                        "{} compression set on {}",
                        CONSUMER_COMPRESSION,
                        changes.keySet().stream()
                                .map(ConfigResource::name)
                                .sorted()
                                .toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "cannot set {} compression on {} ({}); consumers without lz4 support cannot read them",
                    CONSUMER_COMPRESSION,
                    topics,
                    (e.getCause() == null ? e : e.getCause()).getMessage());
        }
    }

    /** Creates the missing topics (consumer topics that exist get gzip unless their compression was chosen). */
    public static void ensure(Properties clientProps, int partitions, short replication) {
        Properties p = new Properties();
        p.putAll(clientProps);
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics(partitions, replication).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            upgradeCompression(
                    admin, CONSUMER_TOPICS.stream().filter(existing::contains).toList());
            if (missing.isEmpty()) {
                return;
            }
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    LOG.info("created topic {}", entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create topic " + entry.getKey() + ": "
                                        + e.getCause().getMessage(),
                                e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot reach Kafka at " + clientProps.get("bootstrap.servers") + " to create topics: "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        }
    }
}
