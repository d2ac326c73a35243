package dev.warta.app.platform;

import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.enrich.StepTimer;
import dev.warta.app.metrics.Metrics;
import dev.warta.enrich.stream.DeadLetterHandler;
import dev.warta.enrich.stream.StreamsSettings;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import dev.warta.schemas.Topics;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/** Starts warta's stream stages on a {@link Platform}. */
public final class Stages {
    public static final String ENRICH_APP_ID = "warta-enrich";
    public static final String SINK_APP_ID = "warta-sink";

    private Stages() {
    }

    /** Streams properties of {@code stage} on {@code platform}, state under the data dir. */
    public static Properties streamsProps(Platform platform, String stage, String applicationId, int threads,
                                          String version) {
        Properties client = platform.clientProperties();
        client.put(StreamsConfig.STATE_DIR_CONFIG, platform.dataDir().resolve("streams").toAbsolutePath().toString());
        client.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        return StreamsSettings.of(stage, applicationId, platform.registryUrl(), version, client);
    }

    /** Starts the enrich stage. */
    public static StreamsApp startEnrich(Platform platform, String applicationId, int threads) {
        return startEnrich(platform, applicationId, threads, EnrichmentVersion.current());
    }

    /** Starts the enrich stage stamping {@code version}. */
    public static StreamsApp startEnrich(Platform platform, String applicationId, int threads, String version) {
        return startEnrich(platform, applicationId, threads, version, null);
    }

    /** Starts the enrich stage stamping {@code version}, reporting to {@code metrics} (may be null). */
    public static StreamsApp startEnrich(Platform platform, String applicationId, int threads, String version,
                                         Metrics metrics) {
        StepTimer timer = StepTimer.NONE;
        Properties props = streamsProps(platform, "enrich", applicationId, threads, version);
        if (metrics != null) {
            timer = metrics.stepTimer(); // times each analyzer and counts analysed articles
            props.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
        }
        Analysis analysis = Analysis.standard(version, timer);
        StreamsApp app = StreamsApp.start("enrich", EnrichTopology.build(analysis, props), props);
        if (metrics != null) {
            metrics.bindStreams("enrich", app.streams());
        }
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

    /** Starts the sink stage publishing {@code languages} (empty: all) with duplicate {@code policy}. */
    public static StreamsApp startSink(Platform platform, String applicationId, int threads, Set<String> languages,
                                       DuplicatePolicy policy) {
        return startSink(platform, applicationId, threads, languages, policy, null, null);
    }

    /** As above with its own state directory (several instances in one process need one each). */
    public static StreamsApp startSink(Platform platform, String applicationId, int threads, Set<String> languages,
                                       DuplicatePolicy policy, java.nio.file.Path stateDir) {
        return startSink(platform, applicationId, threads, languages, policy, stateDir, null);
    }

    /** As above, reporting to {@code metrics} (may be null). */
    public static StreamsApp startSink(Platform platform, String applicationId, int threads, Set<String> languages,
                                       DuplicatePolicy policy, java.nio.file.Path stateDir, Metrics metrics) {
        Properties props = streamsProps(platform, "sink", applicationId, threads, EnrichmentVersion.current());
        if (stateDir != null) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        }
        SinkConfig config = sinkConfig(platform).withLanguages(languages).withPolicy(policy);
        if (metrics != null) {
            config = config.withStats(metrics.sinkStats());
            props.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
        }
        StreamsApp app = StreamsApp.start("sink", SinkTopology.build(config), props);
        if (metrics != null) {
            metrics.bindStreams("sink", app.streams());
        }
        return app;
    }
}
