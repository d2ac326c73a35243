package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.metrics.MetricsServer;
import dev.warta.app.platform.IngestStage;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code warta ingest}: publish articles to news.raw. */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Publish articles from files (.txt, .html/.htm[.gz], .jsonl, .warc[.gz], .arc, RSS/Atom .xml), "
                + "feeds, an inbox directory or HTTP POST /articles to news.raw. Exits after the PATHs unless a feed, "
                + "inbox or HTTP endpoint keeps it running.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    IngestOptions ingest;

    @Mixin
    MetricsOptions metricsOptions;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to ingest.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (paths.isEmpty() && !ingest.continuous()) {
            throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "nothing to ingest: give PATHs, --feed, --watch or --http-port");
        }
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                Metrics metrics = Metrics.create();
                MetricsServer server = ingest.continuous() ? metricsOptions.serve(metrics) : null;
                IngestStage stage = IngestStage.start(platform, ingest.config(paths))) {
            metrics.bindIngest(stage.service().stats());
            if (!paths.isEmpty()) {
                System.err.println("ingest: " + stage.service().bulkSummary());
            }
            if (stage.service().isLongRunning()) {
                if (stage.service().httpPort() >= 0) {
                    System.err.println("ingest: POST http://" + ingest.httpBind + ":"
                            + stage.service().httpPort() + "/articles");
                }
                life.await();
                System.err.println("ingest: " + stage.service().stats().snapshot());
            }
        }
        return 0;
    }
}
