package dev.warta.app.platform;

import dev.warta.app.cli.IngestOptions;
import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.IngestSummary;
import dev.warta.ingest.http.HttpIngestServer;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.ingest.watch.InboxWatcher;
import dev.warta.schemas.serde.AvroSerde;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;

/** Ingest on a {@link Platform}: bulk paths, then (optionally) feeds, an inbox directory and the HTTP endpoint. */
public final class IngestService implements AutoCloseable {
    private final KafkaArticleSink sink;
    private final IngestRunner runner;
    private final List<AutoCloseable> running = new ArrayList<>();
    private ScheduledFuture<?> feeds;
    private HttpIngestServer http;

    public IngestService(Platform platform, IngestOptions options, boolean progress) {
        Properties client = platform.clientProperties();
        client.put(AvroSerde.REGISTRY_URL, platform.registryUrl());
        this.sink = new KafkaArticleSink(client);
        IngestLimits limits = IngestLimits.defaults().withMaxPageBytes(options.maxPageBytes);
        try {
            this.runner = IngestRunner.builder(sink).limits(limits).progress(progress).build();
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    public IngestRunner runner() {
        return runner;
    }

    /** Ingests {@code paths} and waits for every ack. */
    public IngestSummary ingest(List<Path> paths) {
        return paths.isEmpty() ? new IngestSummary(0, 0, 0, 0, 0, 0, 0, 0) : runner.ingestPaths(paths);
    }

    /** Starts the continuous sources of {@code options}. */
    public void startContinuous(IngestOptions options) throws IOException {
        if (!options.feeds.isEmpty()) {
            feeds = runner.startFeeds(options.feeds, options.pollInterval,
                    e -> System.err.println("feed poll failed: " + e.getMessage()));
        }
        if (options.watch != null) {
            InboxWatcher watcher = new InboxWatcher(runner, options.watch, Duration.ofMillis(500), System.err::println);
            watcher.start(Duration.ofSeconds(1));
            running.add(watcher);
        }
        if (options.httpPort != null) {
            IngestLimits limits = IngestLimits.defaults().withMaxPageBytes(options.maxPageBytes);
            http = HttpIngestServer.start(runner, new InetSocketAddress(options.httpBind, options.httpPort),
                    HttpIngestServer.Options.defaults(limits));
            running.add(http);
        }
    }

    /** Port of the HTTP endpoint, or -1. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    @Override
    public void close() {
        if (feeds != null) {
            feeds.cancel(false);
        }
        for (AutoCloseable c : running) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e.getMessage());
            }
        }
        runner.close();
        sink.close();
    }
}
