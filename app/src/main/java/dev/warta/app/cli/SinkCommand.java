package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.metrics.MetricsServer;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.SinkStageConfig;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.schemas.Topics;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.JsonlExport;
import dev.warta.sink.JsonlFileSink;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warta sink}: the sink stage alone against a cluster. */
@Command(
        name = "sink",
        mixinStandardHelpOptions = true,
        description = "Run the sink stage: news.enriched -> news.clean / news.filtered, near-duplicates marked "
                + "(or dropped) across all partitions and instances.")
public final class SinkCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    SinkOptions sink;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(
            names = "--application-id",
            defaultValue = Stages.SINK_APP_ID,
            description =
                    "Kafka Streams application id (default: ${DEFAULT-VALUE}); instances with the same id share the work.")
    String applicationId;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--to-jsonl",
            paramLabel = "DIR",
            description =
                    "Also write the clean records to rolling JSONL files in DIR (consumer group warta-jsonl-sink).")
    Path jsonlDir;

    @Option(
            names = "--roll-bytes",
            defaultValue = "67108864",
            description = "Roll JSONL files at this size (default: ${DEFAULT-VALUE}).")
    long rollBytes;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                Metrics metrics = Metrics.create();
                MetricsServer server = metricsOptions.serve(metrics);
                StreamsApp app = Stages.startSink(
                        platform,
                        sink.config(applicationId, threads, EnrichmentVersion.current(), platform.stateDir()),
                        metrics)) {
            System.err.println("sink running (" + applicationId + ") against " + platform.bootstrapServers());
            if (jsonlDir == null) {
                life.await();
            } else {
                java.util.Properties p = platform.clientProperties();
                p.put("group.id", "warta-jsonl-sink");
                p.put("isolation.level", "read_committed");
                p.put("enable.auto.commit", "false");
                p.put("auto.offset.reset", "earliest");
                try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                        p,
                        new org.apache.kafka.common.serialization.StringDeserializer(),
                        dev.warta.schemas.serde.AvroSerde.of(
                                        dev.warta.schemas.EnrichedArticle.class, platform.registryUrl())
                                .deserializer())) {
                    consumer.subscribe(java.util.List.of(Topics.CLEAN));
                    System.err.println("writing clean records to " + jsonlDir.toAbsolutePath());
                    long written = JsonlExport.run(
                            consumer,
                            new JsonlFileSink(
                                    jsonlDir, rollBytes, java.time.Duration.ofMinutes(10), java.time.Clock.systemUTC()),
                            java.time.Duration.ofMillis(500),
                            () -> !life.stopping());
                    System.err.println("wrote " + written + " clean records to " + jsonlDir.toAbsolutePath());
                }
            }
        }
        return 0;
    }

    /** Sink settings shared by {@code warta sink} and {@code warta run}. */
    public static class SinkOptions {
        @Option(
                names = "--languages",
                split = ",",
                paramLabel = "CODE",
                description =
                        "Publish only these languages (ISO 639-1, comma-separated); others are filtered. Default: all.")
        Set<String> languages = new LinkedHashSet<>();

        @Option(
                names = "--duplicates",
                defaultValue = "MARK",
                paramLabel = "mark|drop",
                description = "Near-duplicate policy (default: mark).",
                converter = PolicyConverter.class)
        DuplicatePolicy duplicates;

        /** The sink stage these options describe. */
        public SinkStageConfig config(String applicationId, int threads, String version, Path stateDir) {
            return new SinkStageConfig(applicationId, threads, version, languages, duplicates, stateDir);
        }
    }

    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<DuplicatePolicy> {
        @Override
        public DuplicatePolicy convert(String value) {
            return DuplicatePolicy.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
