package dev.warta.ingest;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.http.HttpIngestServer;
import dev.warta.ingest.sink.ArticleSink;
import dev.warta.ingest.source.FeedSource;
import dev.warta.ingest.watch.InboxWatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Everything {@code warta ingest} / {@code warta run} needs in one object: a bulk load of the given paths, then, when
 * asked for, feed polling, an inbox watcher and the HTTP endpoint, until {@link #close()}.
 *
 * <pre>{@code
 * IngestService.Options o = IngestService.Options.defaults().withPaths(paths).withWatch(dir).withHttpPort(8088);
 * try (KafkaArticleSink sink = new KafkaArticleSink(clientConfigs);
 *      IngestService service = IngestService.start(sink, o, System.err::println)) {
 *     IngestSummary bulk = service.bulkSummary();           // already done when start() returns
 *     if (service.isLongRunning()) service.awaitStop();     // until close() from a shutdown hook
 * }
 * }</pre>
 */
public final class IngestService implements AutoCloseable {
    /**
     * What to run.
     *
     * @param paths        files or directories to load once
     * @param feedUrls     RSS/Atom feeds to poll: http(s) URLs or local files
     * @param pollInterval time between feed polls
     * @param watchDir     inbox directory, or null
     * @param httpPort     port of {@code POST /articles} on 127.0.0.1 (0 = any free port), or null for none
     * @param httpBind     address to bind the HTTP endpoint to (default 127.0.0.1)
     * @param limits       size and fetch limits
     * @param fetchPages   fetch each feed item's page (false: publish the feed content)
     * @param sinkTimeout  how long to wait for Kafka before failing
     */
    public record Options(
            List<Path> paths,
            List<String> feedUrls,
            Duration pollInterval,
            Path watchDir,
            Integer httpPort,
            String httpBind,
            IngestLimits limits,
            boolean fetchPages,
            Duration sinkTimeout) {
        /** Nothing to do yet, 5-minute feed polls, default limits, pages fetched, 60 s sink timeout. */
        public static Options defaults() {
            return new Options(
                    List.of(),
                    List.of(),
                    Duration.ofMinutes(5),
                    null,
                    null,
                    "127.0.0.1",
                    IngestLimits.defaults(),
                    true,
                    Duration.ofSeconds(60));
        }

        public Options withPaths(List<Path> p) {
            return new Options(
                    p, feedUrls, pollInterval, watchDir, httpPort, httpBind, limits, fetchPages, sinkTimeout);
        }

        public Options withFeeds(List<String> urls, Duration interval) {
            return new Options(paths, urls, interval, watchDir, httpPort, httpBind, limits, fetchPages, sinkTimeout);
        }

        public Options withWatch(Path dir) {
            return new Options(paths, feedUrls, pollInterval, dir, httpPort, httpBind, limits, fetchPages, sinkTimeout);
        }

        public Options withHttpPort(Integer port) {
            return new Options(
                    paths, feedUrls, pollInterval, watchDir, port, httpBind, limits, fetchPages, sinkTimeout);
        }

        public Options withLimits(IngestLimits l) {
            return new Options(paths, feedUrls, pollInterval, watchDir, httpPort, httpBind, l, fetchPages, sinkTimeout);
        }

        public Options withFetchPages(boolean fetch) {
            return new Options(paths, feedUrls, pollInterval, watchDir, httpPort, httpBind, limits, fetch, sinkTimeout);
        }

        public Options withSinkTimeout(Duration timeout) {
            return new Options(
                    paths, feedUrls, pollInterval, watchDir, httpPort, httpBind, limits, fetchPages, timeout);
        }
    }

    private final IngestRunner runner;
    private final IngestSummary bulk;
    private final InboxWatcher watcher;
    private final HttpIngestServer http;
    private final boolean longRunning;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private IngestService(
            IngestRunner runner, IngestSummary bulk, InboxWatcher watcher, HttpIngestServer http, boolean longRunning) {
        this.runner = runner;
        this.bulk = bulk;
        this.watcher = watcher;
        this.http = http;
        this.longRunning = longRunning;
    }

    /**
     * Loads the seen index, ingests {@code options.paths()} (waiting for every ack), then starts feeds, inbox and HTTP
     * when configured. Throws {@link IngestException} (one-line reason) when Kafka is unreachable or a port is taken.
     *
     * @param log receives one line per recoverable problem (failed feed poll, file moved to failed/)
     */
    public static IngestService start(ArticleSink sink, Options options, Consumer<String> log) {
        for (String feed : options.feedUrls()) {
            Path file = FeedSource.localFile(feed);
            if (file != null && !Files.isReadable(file)) {
                throw new IngestException("--feed " + feed + ": not an http(s) URL nor a readable file");
            }
        }
        IngestRunner runner = IngestRunner.builder(sink)
                .limits(options.limits())
                .sinkTimeout(options.sinkTimeout())
                .fetcher(options.fetchPages() ? null : PageFetcher.disabled())
                .build();
        InboxWatcher watcher = null;
        HttpIngestServer http = null;
        try {
            IngestSummary bulk = options.paths().isEmpty()
                    ? new IngestSummary(0, 0, 0, 0, 0, 0, 0, 0)
                    : runner.ingestPaths(options.paths());
            if (!options.feedUrls().isEmpty()) {
                runner.startFeeds(
                        options.feedUrls(),
                        options.pollInterval(),
                        e -> log.accept("feed poll failed: " + e.getMessage()));
            }
            if (options.watchDir() != null) {
                watcher = new InboxWatcher(runner, options.watchDir(), Duration.ofMillis(500), log);
                watcher.start(Duration.ofSeconds(1));
            }
            if (options.httpPort() != null) {
                http = HttpIngestServer.start(
                        runner,
                        new InetSocketAddress(options.httpBind(), options.httpPort()),
                        HttpIngestServer.Options.defaults(options.limits()));
            }
            boolean longRunning = !options.feedUrls().isEmpty() || watcher != null || http != null;
            return new IngestService(runner, bulk, watcher, http, longRunning);
        } catch (IOException | RuntimeException e) {
            if (watcher != null) {
                watcher.close();
            }
            if (http != null) {
                http.close();
            }
            runner.close();
            if (e instanceof IngestException ie) {
                throw ie;
            }
            throw new IngestException("cannot start ingest: " + Publisher.rootMessage(e), e);
        }
    }

    /** Counts of the bulk load of the given paths. */
    public IngestSummary bulkSummary() {
        return bulk;
    }

    /** Live counters (export as metrics). */
    public IngestStats stats() {
        return runner.stats();
    }

    /** True when feeds, an inbox or the HTTP endpoint keep running after the bulk load. */
    public boolean isLongRunning() {
        return longRunning;
    }

    /** Port of the HTTP endpoint, or -1. */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** The runner, for anything not covered here. */
    public IngestRunner runner() {
        return runner;
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (http != null) {
            http.close();
        }
        if (watcher != null) {
            watcher.close();
        }
        runner.close();
        stopped.countDown();
    }
}
