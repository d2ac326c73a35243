package dev.warta.ingest.watch;

import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.Item;
import dev.warta.ingest.Publisher;
import dev.warta.ingest.source.Records;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Watches an inbox directory ({@code --watch DIR}): every file that appears is ingested, then moved to
 * {@code DIR/done/} once all its records were acked by the sink, or to {@code DIR/failed/} with a
 * {@code NAME.reason} file when a record could not be written or the file gave no article at all (unreadable,
 * unsupported, empty: its dead letters are in the DLQ). A file stays in the inbox until then, so a process killed
 * midway ingests it again on restart (the ids make that harmless: repeats are not republished). Files whose name
 * starts with '.' or ends with .part/.tmp are ignored (write elsewhere, then rename into the inbox); files modified
 * less than {@code settle} ago wait for the next scan. A symbolic link that points out of the inbox is not followed:
 * it is dead-lettered ({@value #SYMLINK_REFUSED}) and moved to failed/. Thread-safe.
 */
public final class InboxWatcher implements AutoCloseable {
    /** Dead-letter reason of a symbolic link in the inbox that points out of it. */
    public static final String SYMLINK_REFUSED = "inbox-symlink-refused";

    private final IngestRunner runner;
    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Duration settle;
    private final Consumer<String> log;
    private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "warta-ingest-inbox");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param settle how long a file must be left unmodified before it is read
     * @param log    receives one line per file moved to failed/
     */
    public InboxWatcher(IngestRunner runner, Path inbox, Duration settle, Consumer<String> log) throws IOException {
        this.runner = runner;
        this.inbox = inbox;
        this.done = inbox.resolve("done");
        this.failed = inbox.resolve("failed");
        this.settle = settle;
        this.log = log;
        Files.createDirectories(done);
        Files.createDirectories(failed);
    }

    /** Scans now and then every {@code interval} until {@link #close()}. */
    public void start(Duration interval) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        scanOnce();
                    } catch (RuntimeException e) {
                        log.accept("inbox scan failed: " + e.getMessage());
                    }
                },
                0,
                Math.max(10, interval.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Ingests every ready file in the inbox; the future completes when each of them was moved to done/ or failed/.
     */
    public CompletableFuture<Void> scanOnce() {
        List<CompletableFuture<Void>> moves = new ArrayList<>();
        Instant readyBefore = Instant.now().minus(settle);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(inbox)) {
            for (Path file : dir) {
                String name = file.getFileName().toString();
                String outside = Files.isSymbolicLink(file) ? linkOutside(file) : null;
                if (outside != null) {
                    if (inProgress.add(file)) {
                        moves.add(refuse(file, outside).whenComplete((v, e) -> inProgress.remove(file)));
                    }
                    continue;
                }
                if (!Files.isRegularFile(file)
                        || name.startsWith(".")
                        || name.endsWith(".part")
                        || name.endsWith(".tmp")
                        || name.endsWith(".reason")) {
                    continue;
                }
                if (!settle.isZero()
                        && Files.getLastModifiedTime(file).toInstant().isAfter(readyBefore)) {
                    continue;
                }
                if (inProgress.add(file)) {
                    moves.add(ingest(file).whenComplete((v, e) -> inProgress.remove(file)));
                }
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new));
    }

    /** Where the link {@code file} points when that is outside the inbox, else null (inside, or dangling). */
    private String linkOutside(Path file) {
        try {
            Path target = file.toRealPath();
            return target.startsWith(inbox.toRealPath()) ? null : target.toString();
        } catch (IOException e) {
            return null; // dangling: not a regular file, skipped like any other
        }
    }

    /** Dead-letters a link that points out of the inbox (it could expose any file ingest can read) and moves it to failed/. */
    private CompletableFuture<Void> refuse(Path link, String target) {
        runner.stats().files.incrementAndGet();
        String source = link.toString();
        String message = link.getFileName() + " is a symbolic link to " + target + ", outside the inbox";
        CompletableFuture<Publisher.Outcome> written = runner.publisher()
                .submit(new Item.Dead(Records.deadLetter(SYMLINK_REFUSED, message, null, source, source, null, 0)));
        runner.publisher().flush();
        return written.handle((v, e) -> {
            moveToFailed(
                    link,
                    e != null ? "not written to Kafka: " + Publisher.rootMessage(e) : SYMLINK_REFUSED + ": " + message);
            return null;
        });
    }

    private CompletableFuture<Void> ingest(Path file) {
        Publisher publisher = runner.publisher();
        runner.stats().files.incrementAndGet();
        List<CompletableFuture<Publisher.Outcome>> futures = new ArrayList<>();
        AtomicInteger articles = new AtomicInteger();
        AtomicReference<String> firstDead = new AtomicReference<>();
        runner.sources().forEach(file, publisher::known, item -> {
            if (item instanceof Item.Article) {
                articles.incrementAndGet();
            } else if (item instanceof Item.Dead d) {
                firstDead.compareAndSet(
                        null, d.letter().getReason() + ": " + d.letter().getMessage());
            }
            futures.add(publisher.submit(item));
        });
        publisher.flush();
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .handle((v, e) -> {
                    if (e != null) {
                        moveToFailed(file, "not written to Kafka: " + Publisher.rootMessage(e));
                    } else if (articles.get() == 0 && firstDead.get() != null) {
                        moveToFailed(file, "no article: " + firstDead.get());
                    } else {
                        move(file, done);
                    }
                    return null;
                });
    }

    private void moveToFailed(Path file, String reason) {
        String line = reason.replace('\n', ' ');
        Path target = move(file, failed);
        if (target != null) {
            try {
                Files.writeString(
                        failed.resolve(target.getFileName() + ".reason"), line + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                log.accept("cannot write reason for " + target + ": " + e.getMessage());
            }
        }
        log.accept("inbox: " + file.getFileName() + " -> failed/: " + line);
    }

    private Path move(Path file, Path dir) {
        Path target = dir.resolve(file.getFileName());
        try {
            if (Files.exists(target)) {
                target = dir.resolve(System.currentTimeMillis() + "-" + file.getFileName());
            }
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.accept("cannot move " + file + " to " + dir + ": " + e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
