package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.metrics.MetricsServer;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.enrich.EnrichmentVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warta enrich}: the enrich stage alone against a cluster. */
@Command(
        name = "enrich",
        mixinStandardHelpOptions = true,
        description = "Run the enrich stage: news.raw -> news.enriched (Kafka Streams, exactly-once).")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(
            names = "--application-id",
            defaultValue = Stages.ENRICH_APP_ID,
            description =
                    "Kafka Streams application id (default: ${DEFAULT-VALUE}); instances with the same id share the work.")
    String applicationId;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                Metrics metrics = Metrics.create();
                MetricsServer server = metricsOptions.serve(metrics);
                StreamsApp app = Stages.startEnrich(
                        platform,
                        new EnrichStageConfig(applicationId, threads, EnrichmentVersion.current(), platform.stateDir()),
                        metrics)) {
            System.err.println("enrich running (" + applicationId + ") against " + platform.bootstrapServers());
            life.await();
        }
        return 0;
    }
}
