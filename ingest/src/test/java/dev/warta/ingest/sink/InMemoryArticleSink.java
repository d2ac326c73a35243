package dev.warta.ingest.sink;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link ArticleSink} in memory, for tests and offline runs. It keeps every record in order and survives a
 * "restart" (a new runner on the same sink sees the same seen index). {@link #failWith} makes every write fail, as
 * an unreachable broker would; {@link #holdAcks} keeps futures pending until {@link #releaseAcks}. Thread-safe.
 */
public final class InMemoryArticleSink implements ArticleSink {
    private final List<RawArticle> articles = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<String, String> seen = new LinkedHashMap<>();
    private final List<Runnable> held = new ArrayList<>();
    private final List<CompletableFuture<Void>> heldFutures = new ArrayList<>();
    private RuntimeException failure;
    private boolean hold;

    @Override
    public synchronized CompletableFuture<Void> publish(RawArticle article) {
        return write(() -> articles.add(article));
    }

    @Override
    public synchronized CompletableFuture<Void> deadLetter(DeadLetter letter) {
        return write(() -> deadLetters.add(letter));
    }

    @Override
    public synchronized CompletableFuture<Void> markSeen(String id, String contentHash) {
        return write(() -> seen.put(id, contentHash));
    }

    private CompletableFuture<Void> write(Runnable effect) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (hold) {
            held.add(effect);
            heldFutures.add(done);
        } else {
            effect.run();
            done.complete(null);
        }
        return done;
    }

    @Override
    public synchronized Map<String, String> loadSeen(Duration timeout) {
        if (failure != null) {
            throw failure;
        }
        return new LinkedHashMap<>(seen);
    }

    /** From now on every write fails with {@code error} (null: writes succeed again). */
    public synchronized void failWith(RuntimeException error) {
        this.failure = error;
    }

    /** Keeps new writes pending until {@link #releaseAcks()}. */
    public synchronized void holdAcks() {
        hold = true;
    }

    /** Completes every pending write and stops holding. */
    public void releaseAcks() {
        List<CompletableFuture<Void>> pending;
        synchronized (this) {
            hold = false;
            held.forEach(Runnable::run);
            held.clear();
            pending = new ArrayList<>(heldFutures);
            heldFutures.clear();
        }
        pending.forEach(f -> f.complete(null));
    }

    /** Articles published so far, in order. */
    public synchronized List<RawArticle> articles() {
        return new ArrayList<>(articles);
    }

    /** Dead letters published so far, in order. */
    public synchronized List<DeadLetter> deadLetters() {
        return new ArrayList<>(deadLetters);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
