package dev.warta.ingest;

import dev.warta.ingest.fetch.HttpPageFetcher;
import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.ArticleSink;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs ingest: reads files (bulk), polls feeds, and is what {@code InboxWatcher} and {@code HttpIngestServer} publish
 * through. Counters are in {@link #stats()}.
 *
 * <pre>{@code
 * try (KafkaArticleSink sink = new KafkaArticleSink(clientConfigs);
 *      IngestRunner runner = IngestRunner.builder(sink).build()) {
 *     IngestSummary summary = runner.ingestPaths(List.of(Path.of("corpus/")));   // IngestException: exit 1
 * }
 * }</pre>
 * Thread-safe.
 */
public final class IngestRunner implements AutoCloseable {
    private final Sources sources;
    private final Publisher publisher;
    private final IngestStats stats;
    private final Duration sinkTimeout;
    private final int maxInFlight;
    private final boolean progress;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "warta-ingest-feeds");
        t.setDaemon(true);
        return t;
    });

    private IngestRunner(Builder b) {
        this.stats = b.stats;
        this.sinkTimeout = b.sinkTimeout;
        this.maxInFlight = b.maxInFlight;
        this.progress = b.progress;
        PageFetcher fetcher = b.fetcher != null ? b.fetcher : new HttpPageFetcher(b.limits);
        this.sources = new Sources(b.limits, fetcher);
        try {
            this.publisher = new Publisher(b.sink, stats, b.sinkTimeout);
        } catch (RuntimeException e) {
            throw new IngestException("cannot read the seen index: " + Publisher.rootMessage(e), e);
        }
    }

    /** A builder writing to {@code sink}. */
    public static Builder builder(ArticleSink sink) {
        return new Builder(sink);
    }

    /** Options of a runner. */
    public static final class Builder {
        private final ArticleSink sink;
        private IngestLimits limits = IngestLimits.defaults();
        private PageFetcher fetcher;
        private IngestStats stats = new IngestStats();
        private Duration sinkTimeout = Duration.ofSeconds(60);
        private int maxInFlight = 20_000;
        private boolean progress = System.console() != null;

        private Builder(ArticleSink sink) {
            this.sink = sink;
        }

        /** Size and fetch limits (default {@link IngestLimits#defaults()}). */
        public Builder limits(IngestLimits limits) {
            this.limits = limits;
            return this;
        }
        /** Page fetcher for feed items (default: HTTP with the limits); {@link PageFetcher#disabled()} for offline. */
        public Builder fetcher(PageFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }
        /** Counters to update (default: new ones). */
        public Builder stats(IngestStats stats) {
            this.stats = stats;
            return this;
        }
        /** How long to wait for the sink (seen index load, final acks); keep it above delivery.timeout.ms. */
        public Builder sinkTimeout(Duration timeout) {
            this.sinkTimeout = timeout;
            return this;
        }
        /** Most items waiting for an ack at once during bulk loads (memory bound). */
        public Builder maxInFlight(int n) {
            this.maxInFlight = n;
            return this;
        }
        /** Progress bar on stderr (default: when there is a console). */
        public Builder progress(boolean on) {
            this.progress = on;
            return this;
        }

        /** Loads the seen index from the sink; {@link IngestException} when it cannot be read. */
        public IngestRunner build() {
            return new IngestRunner(this);
        }
    }

    /** The counters. */
    public IngestStats stats() {
        return stats;
    }

    /** The publisher (for the inbox watcher and the HTTP server). */
    public Publisher publisher() {
        return publisher;
    }

    /** The file readers. */
    public Sources sources() {
        return sources;
    }

    /**
     * Reads every file under {@code paths} (directories recursively, by extension), publishes and waits until the
     * sink acked everything. Returns this run's counts. Throws {@link IngestException} with a one-line reason when the
     * sink fails (nothing unacked is counted as published); reading stops at the first failure.
     */
    public IngestSummary ingestPaths(List<Path> paths) {
        IngestSummary before = stats.snapshot();
        List<Path> files;
        try {
            files = sources.expand(paths);
        } catch (IOException e) {
            throw new IngestException("cannot list " + paths + ": " + e.getMessage(), e);
        }
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Progress bar = progress ? new Progress(System.err, files.size()) : null;
        for (Path file : files) {
            if (failure.get() != null) {
                break;
            }
            stats.files.incrementAndGet();
            sources.forEach(file, publisher::known, item -> {
                if (failure.get() != null) {
                    return;
                }
                acquire(inFlight, 1);
                if (bar != null) {
                    bar.tick(stats);
                }
                publisher.submit(item).whenComplete((o, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                    inFlight.release();
                });
            });
            if (bar != null) {
                bar.update(stats);
            }
        }
        publisher.flush();
        if (!tryAcquire(inFlight, maxInFlight, sinkTimeout.multipliedBy(2))) {
            throw new IngestException("Kafka did not acknowledge " + (maxInFlight - inFlight.availablePermits())
                    + " records within " + sinkTimeout.multipliedBy(2).toSeconds() + " s");
        }
        inFlight.release(maxInFlight);
        if (bar != null) {
            bar.finish(stats);
        }
        Throwable e = failure.get();
        if (e != null) {
            throw new IngestException("ingest failed: " + Publisher.rootMessage(e), e);
        }
        return stats.snapshot().minus(before);
    }

    /**
     * Reads one file and publishes its items; the future completes when every item was acked, exceptionally when
     * one could not be written.
     */
    public CompletableFuture<Void> ingestFile(Path file) {
        stats.files.incrementAndGet();
        List<CompletableFuture<Publisher.Outcome>> futures = new ArrayList<>();
        sources.forEach(file, publisher::known, item -> futures.add(publisher.submit(item)));
        publisher.flush();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    /**
     * Fetches (http(s) URLs) or reads (files) and publishes each feed once; returns when all its items were acked or
     * failed.
     */
    public IngestSummary pollFeeds(List<String> feedUrls) {
        IngestSummary before = stats.snapshot();
        List<CompletableFuture<Publisher.Outcome>> futures = new ArrayList<>();
        for (String url : feedUrls) {
            sources.feeds().readLocation(url, publisher::known, item -> futures.add(publisher.submit(item)));
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(sinkTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IngestException("feed poll failed: " + Publisher.rootMessage(e.getCause()), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IngestException("Kafka did not acknowledge the feed items within " + sinkTimeout.multipliedBy(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted", e);
        }
        return stats.snapshot().minus(before);
    }

    /** Polls the feeds now and then every {@code interval} until {@link #close()}; failures are logged per poll. */
    public ScheduledFuture<?> startFeeds(
            List<String> feedUrls, Duration interval, java.util.function.Consumer<Throwable> onError) {
        return scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        pollFeeds(feedUrls);
                    } catch (RuntimeException e) {
                        onError.accept(e);
                    }
                },
                0,
                Math.max(1, interval.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private static void acquire(Semaphore s, int n) {
        try {
            s.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted", e);
        }
    }

    private static boolean tryAcquire(Semaphore s, int n, Duration timeout) {
        try {
            return s.tryAcquire(n, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        publisher.flush();
        publisher.close();
    }

    /** A one-line progress bar redrawn in place on a console. */
    private static final class Progress {
        private final PrintStream out;
        private final int total;
        private final long start = System.nanoTime();
        private long lastDraw;
        private int done;

        Progress(PrintStream out, int total) {
            this.out = out;
            this.total = total;
        }

        void update(IngestStats stats) {
            done++;
            tick(stats);
        }

        /** Redraws at most five times a second (cheap enough to call per item). */
        void tick(IngestStats stats) {
            long now = System.nanoTime();
            if (now - lastDraw > 200_000_000L) {
                lastDraw = now;
                draw(stats, now);
            }
        }

        void finish(IngestStats stats) {
            draw(stats, System.nanoTime());
            out.println();
        }

        private void draw(IngestStats stats, long now) {
            int width = 30;
            int filled = total == 0 ? width : (int) ((long) done * width / total);
            double secs = Math.max(1e-3, (now - start) / 1e9);
            long articles = stats.published.get() + stats.updates.get() + stats.repeats.get();
            out.printf(
                    "\r[%s%s] %d/%d files  %d articles  %.0f/s  %d dead ",
                    "#".repeat(filled),
                    ".".repeat(width - filled),
                    done,
                    total,
                    articles,
                    articles / secs,
                    stats.deadLettered.get());
            out.flush();
        }
    }
}
