package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.metrics.MetricsServer;
import dev.warta.app.platform.ArticleFollower;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.IngestStage;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.ProgressWatch;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.app.review.Review;
import dev.warta.common.json.ArticleJson;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.schemas.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code warta run}: everything in one process, on the embedded broker and registry unless told otherwise. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the whole pipeline in one process: broker + registry (embedded unless --bootstrap-servers), "
                + "ingest PATHs (and --watch DIR, --feed, --http-port), enrich, sink; print each clean article as it "
                + "reaches news.clean. Ctrl-C stops cleanly; data stays in --data-dir.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    IngestOptions ingest;

    @Mixin
    SinkCommand.SinkOptions sink;

    @Mixin
    MetricsOptions metricsOptions;

    @Mixin
    ReviewOptions review;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to ingest.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), true)) {
            out.printf(
                    "Kafka broker:    %s%s%n", platform.bootstrapServers(), platform.embedded() ? " (embedded)" : "");
            out.printf("Schema registry: %s%n", platform.publicRegistryUrl());
            if (platform.embedded()) {
                out.printf(
                        "Data dir:        %s%n",
                        platform.dataDir().toAbsolutePath().normalize());
            }
            String version = EnrichmentVersion.current();
            try (Metrics metrics = Metrics.create();
                    MetricsServer server = metricsOptions.serve(metrics);
                    StreamsApp enrich = Stages.startEnrich(
                            platform,
                            new EnrichStageConfig(Stages.ENRICH_APP_ID, 1, version, platform.stateDir()),
                            metrics);
                    StreamsApp sinkApp = Stages.startSink(
                            platform, sink.config(Stages.SINK_APP_ID, 1, version, platform.stateDir()), metrics);
                    ArticleFollower printer = new ArticleFollower(
                                    platform,
                                    Topics.CLEAN,
                                    null,
                                    false,
                                    a -> out.println(ArticleJson.line(a)),
                                    e -> System.err.println("skipped " + e))
                            .start();
                    Review page = review.start(platform);
                    IngestStage ingestStage = IngestStage.start(platform, ingest.config(paths));
                    ProgressWatch progress = ProgressWatch.forPipeline(platform, System.err::println)
                            .start(Duration.ofSeconds(5))) {
                metrics.addHealth(progress);
                if (page != null) {
                    out.printf("Review page:     %s%n", page.url());
                }
                out.printf(
                        "Pipeline up in %d ms (ingest -> news.raw -> enrich -> news.enriched -> sink -> news.clean)%n",
                        (System.nanoTime() - start) / 1_000_000);
                metrics.bindIngest(ingestStage.service().stats());
                if (!paths.isEmpty()) {
                    System.err.println("ingest: " + ingestStage.service().bulkSummary());
                }
                if (ingest.watch != null) {
                    System.err.println("watching " + ingest.watch.toAbsolutePath() + " for new files");
                }
                System.err.println("running; Ctrl-C to stop");
                life.await();
                System.err.println("stopping...");
            }
        }
        return 0;
    }
}
