package dev.warta.app.cli;

import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code warta run}: everything in one process, on the embedded broker and registry unless told otherwise. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline in one process: broker + registry (embedded unless --bootstrap-servers), "
                + "ingest PATHs, enrich, sink; print each clean article as it arrives. Ctrl-C stops cleanly.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--watch", paramLabel = "DIR", description = "Inbox directory: files that appear are ingested.")
    Path watch;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or directories to ingest.")
    List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        try (Lifecycle life = Lifecycle.install();
             Platform platform = Platform.open(cluster, true)) {
            if (platform.embedded()) {
                System.out.printf("Kafka broker:    %s%nSchema registry: %s%nData dir:        %s%n",
                        platform.bootstrapServers(), platform.registryUrl(), platform.dataDir().toAbsolutePath());
                System.out.printf("Platform up in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            try (StreamsApp enrich = Stages.startEnrich(platform, Stages.ENRICH_APP_ID, 1)) {
                life.await();
            }
        }
        return 0;
    }
}
