package dev.warta.app.platform;

import dev.warta.app.metrics.Metrics;
import dev.warta.common.stream.DeadLetterHandler;
import dev.warta.common.stream.StreamsSettings;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts warta's stream stages on a {@link Platform}. */
public final class Stages {
    private static final Logger LOG = LoggerFactory.getLogger(Stages.class);
    public static final String ENRICH_APP_ID = "warta-enrich";
    public static final String SINK_APP_ID = "warta-sink";

    private Stages() {}

    /** Streams properties of {@code stage} on {@code platform}, state under the platform's {@link Platform#stateDir()}. */
    public static Properties streamsProps(
            Platform platform, String stage, String applicationId, int threads, String version) {
        return streamsProps(platform, stage, applicationId, threads, version, platform.stateDir());
    }

    private static Properties streamsProps(
            Platform platform, String stage, String applicationId, int threads, String version, Path stateDir) {
        Properties client = platform.clientProperties();
        client.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        client.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return StreamsSettings.of(stage, applicationId, platform.registryUrl(), version, client);
    }

    /** Starts the enrich stage, reporting to {@code metrics} (analyzer timers, enriched articles, dead letters). */
    public static StreamsApp startEnrich(Platform platform, EnrichStageConfig config, Metrics metrics) {
        Properties props = streamsProps(
                platform, "enrich", config.applicationId(), config.threads(), config.version(), config.stateDir());
        props.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
        Analysis analysis = Analysis.standard(config.version(), metrics.stepTimer());
        StreamsApp app = StreamsApp.start("enrich", EnrichTopology.build(analysis, props, metrics::enriched), props);
        metrics.bindStreams("enrich", app.streams());
        return app;
    }

    /**
     * The sink's settings on {@code platform}: its registry, the defaults of {@link SinkConfig}, then the
     * {@code warta.sink.*} settings among the client properties ({@code -k} or {@code kafka.} in the properties file),
     * e.g. {@code warta.sink.dedup.partitions} to spread the band step over several instances.
     */
    public static SinkConfig sinkConfig(Platform platform) {
        return SinkConfig.defaults(AvroSerde.of(EnrichedArticle.class, platform.registryUrl()))
                .withSettings(platform.clientProperties());
    }

    /**
     * As {@link #sinkConfig(Platform)} for the sink application {@code applicationId}: when that application already
     * has a band topic (it ran before) and no {@code warta.sink.dedup.partitions} is configured, the band topic's
     * partition count is kept: Kafka Streams refuses to resize it, and earlier builds gave it as many partitions as
     * {@code news.enriched}.
     */
    public static SinkConfig sinkConfig(Platform platform, String applicationId) {
        SinkConfig config = sinkConfig(platform);
        if (platform.clientProperties().containsKey(SinkConfig.DEDUP_PARTITIONS)) {
            return config;
        }
        String bands = applicationId + "-" + SinkTopology.BANDS_TOPIC + "-repartition";
        Properties p = platform.clientProperties();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(p)) {
            if (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(bands)) {
                return config;
            }
            int existing = admin.describeTopics(List.of(bands))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(bands)
                    .partitions()
                    .size();
            if (existing != config.dedupPartitions()) {
                LOG.info("{} has {} partitions: the sink keeps them", bands, existing);
            }
            return config.withDedupPartitions(existing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return config;
        } catch (Exception e) {
            LOG.warn(
                    "cannot read the topics of {} ({}); the band topic gets {} partition(s)",
                    applicationId,
                    e.getMessage(),
                    config.dedupPartitions());
            return config;
        }
    }

    /** Starts the sink stage, reporting to {@code metrics} (outcomes, dead letters). */
    public static StreamsApp startSink(Platform platform, SinkStageConfig config, Metrics metrics) {
        Properties props = streamsProps(
                platform, "sink", config.applicationId(), config.threads(), config.version(), config.stateDir());
        props.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
        SinkConfig sinkConfig = sinkConfig(platform, config.applicationId())
                .withLanguages(config.languages())
                .withPolicy(config.policy())
                .withStats(metrics.sinkStats());
        StreamsApp app = StreamsApp.start("sink", SinkTopology.build(sinkConfig), props);
        metrics.bindStreams("sink", app.streams());
        return app;
    }
}
