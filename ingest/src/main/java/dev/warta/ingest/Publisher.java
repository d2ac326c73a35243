package dev.warta.ingest;

import dev.warta.ingest.sink.ArticleSink;
import dev.warta.schemas.RawArticle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Decides what to do with each {@link Item} and counts it: a new article is published, then marked seen once the
 * sink acked it; a known id with the same content hash is a repeat (not published); a known id with a new hash is an
 * update (published again). Feed items are published once per id ("new items only"): a feed re-polled with an edited
 * description does not republish. The seen index is loaded from the sink at start (for Kafka: from the compacted
 * seen topic), so the decision survives restarts. Thread-safe.
 */
public final class Publisher implements AutoCloseable {
    /** What happened to an item. */
    public enum Outcome { PUBLISHED, UPDATED, REPEAT, SKIPPED, DEAD_LETTERED }

    private final ArticleSink sink;
    private final IngestStats stats;
    private final Map<String, Long> seen;
    private final ExecutorService acks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warta-ingest-acks");
        t.setDaemon(true);
        return t;
    });

    /** A publisher whose seen index is read from {@code sink} (fails when the sink cannot be read in {@code timeout}). */
    public Publisher(ArticleSink sink, IngestStats stats, Duration timeout) {
        this.sink = sink;
        this.stats = stats;
        Map<String, String> stored = sink.loadSeen(timeout);
        this.seen = new ConcurrentHashMap<>(Math.max(16, stored.size() * 2));
        stored.forEach((id, hash) -> seen.put(id, hashKey(hash)));
    }

    /** True when an article with this id was published before. */
    public boolean known(String id) {
        return seen.containsKey(id);
    }

    /** Number of ids in the seen index. */
    public int seenCount() {
        return seen.size();
    }

    /** The counters. */
    public IngestStats stats() {
        return stats;
    }

    /** Handles one item; the future completes once the sink acked what had to be written. */
    public CompletableFuture<Outcome> submit(Item item) {
        stats.read.incrementAndGet();
        if (item instanceof Item.Article a) {
            return article(a.article());
        }
        if (item instanceof Item.Dead d) {
            return sink.deadLetter(d.letter()).handle((v, e) -> {
                if (e != null) {
                    stats.failed.incrementAndGet();
                    throw new IngestException("cannot write dead letter: " + rootMessage(e), e);
                }
                stats.deadLettered.incrementAndGet();
                return Outcome.DEAD_LETTERED;
            });
        }
        stats.skipped.incrementAndGet();
        return CompletableFuture.completedFuture(Outcome.SKIPPED);
    }

    private CompletableFuture<Outcome> article(RawArticle article) {
        String id = article.getId();
        long hash = hashKey(article.getContentHash());
        boolean feed = "feed".equals(article.getSourceType());
        Long[] previous = new Long[1];
        boolean[] repeat = new boolean[1];
        seen.compute(id, (k, old) -> {
            previous[0] = old;
            repeat[0] = old != null && (feed || old == hash);
            return repeat[0] ? old : hash;
        });
        if (repeat[0]) {
            stats.repeats.incrementAndGet();
            return CompletableFuture.completedFuture(Outcome.REPEAT);
        }
        Outcome outcome = previous[0] == null ? Outcome.PUBLISHED : Outcome.UPDATED;
        return sink.publish(article)
                .thenComposeAsync(v -> sink.markSeen(id, article.getContentHash()), acks)
                .handle((v, e) -> {
                    if (e != null) {
                        // not written: forget it so that a later attempt publishes it
                        if (previous[0] == null) {
                            seen.remove(id, hash);
                        } else {
                            seen.replace(id, hash, previous[0]);
                        }
                        stats.failed.incrementAndGet();
                        throw new IngestException("cannot publish " + id + ": " + rootMessage(e), e);
                    }
                    (outcome == Outcome.PUBLISHED ? stats.published : stats.updates).incrementAndGet();
                    return outcome;
                });
    }

    private static long hashKey(String hex) {
        if (hex == null || hex.length() < 16) {
            return hex == null ? 0 : hex.hashCode();
        }
        return Long.parseUnsignedLong(hex.substring(0, 16), 16);
    }

    /** The message of the innermost cause, for one-line reasons. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg.lines().findFirst().orElse(""));
    }

    /** Flushes the sink. */
    public void flush() {
        sink.flush();
    }

    @Override
    public void close() {
        acks.shutdown();
    }
}
