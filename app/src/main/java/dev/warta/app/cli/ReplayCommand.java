package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.Replay;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.enrich.EnrichmentVersion;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warta replay}: re-enriches the whole corpus in {@code news.raw} with the current enrichment version, under
 * an application id of its own, into {@code news.enriched}; the running sink publishes the results to
 * {@code news.clean}. Stopping and running it again with the same version resumes where it stopped.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Re-enrich the whole corpus in news.raw with the current enrichment version while live ingestion "
                + "goes on. Resumable: run it again with the same version to continue.")
public final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--enrichment-version",
            description = "Version to stamp (default: the build's, or WARTA_ENRICHMENT_VERSION).")
    String version;

    @Option(names = "--threads", defaultValue = "2", description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        String v = version != null ? version : EnrichmentVersion.current();
        String appId = Replay.applicationId(v);
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                Metrics metrics = Metrics.create()) {
            Map<TopicPartition, Long> targets;
            try (Admin admin = Admin.create(platform.clientProperties())) {
                targets = Replay.endOffsets(admin);
            }
            System.err.printf(
                    "replaying %d records of news.raw with enrichment version %s (application %s)%n",
                    Replay.total(targets), v, appId);
            ProgressBar bar = new ProgressBar("replay");
            long start = System.nanoTime();
            boolean complete;
            try (StreamsApp app = Stages.startEnrich(
                    platform, new EnrichStageConfig(appId, threads, v, platform.stateDir()), metrics)) {
                complete = Replay.awaitCaughtUp(
                        platform.clientProperties(),
                        appId,
                        targets,
                        (done, total) -> {
                            bar.update(done, total);
                            return done;
                        },
                        life::stopping,
                        Duration.ofMillis(500));
            }
            bar.finish();
            double seconds = (System.nanoTime() - start) / 1e9;
            long total = Replay.total(targets);
            if (complete) {
                System.err.printf(
                        "replay of %d records done in %.1f s (%.0f records/s)%n", total, seconds, total / seconds);
                return 0;
            }
            System.err.println("replay stopped; run the same command again to resume");
            return 1;
        }
    }
}
