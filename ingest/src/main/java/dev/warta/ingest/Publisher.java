package dev.warta.ingest;

import dev.warta.ingest.sink.ArticleSink;
import dev.warta.ingest.source.Records;
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
 * update (published again); the last {@value #VERSIONS} hashes of an id are remembered, so re-feeding an older
 * version is a repeat too. Feed items are published once per id ("new items only"): a feed re-polled with an edited
 * description does not republish. The seen index is loaded from the sink at start (for Kafka: from the compacted
 * seen topic), so the decision survives restarts. Thread-safe.
 */
public final class Publisher implements AutoCloseable {
    /** What happened to an item. */
    public enum Outcome {
        PUBLISHED,
        UPDATED,
        REPEAT,
        SKIPPED,
        DEAD_LETTERED
    }

    private final ArticleSink sink;
    private final IngestStats stats;
    /** Content hashes remembered per id (newest first), so that re-feeding an older version is still a repeat. */
    static final int VERSIONS = 8;

    private final Map<String, long[]> seen;
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
        stored.forEach((id, hashes) -> seen.put(id, parse(hashes)));
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
                if (d.letter().getReason().endsWith("-refused")) {
                    stats.refused.incrementAndGet();
                }
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
        long[][] previous = new long[1][];
        long[][] next = new long[1][];
        seen.compute(id, (k, old) -> {
            previous[0] = old;
            if (old != null && (feed || contains(old, hash))) {
                next[0] = null;
                return old;
            }
            next[0] = prepend(hash, old);
            return next[0];
        });
        if (next[0] == null) {
            stats.repeats.incrementAndGet();
            return CompletableFuture.completedFuture(Outcome.REPEAT);
        }
        Outcome outcome = previous[0] == null ? Outcome.PUBLISHED : Outcome.UPDATED;
        String stored = format(next[0]);
        return sink.publish(article)
                .thenComposeAsync(v -> sink.markSeen(id, stored), acks)
                .handle((v, e) -> {
                    if (e == null) {
                        (outcome == Outcome.PUBLISHED ? stats.published : stats.updates).incrementAndGet();
                        stats.lastPublishFailure.set(null);
                        return CompletableFuture.completedFuture(outcome);
                    }
                    // not written: forget it so that a later attempt publishes it
                    if (previous[0] == null) {
                        seen.remove(id, next[0]);
                    } else {
                        seen.replace(id, next[0], previous[0]);
                    }
                    String reason = recordReason(e);
                    if (reason == null) {
                        stats.failed.incrementAndGet();
                        stats.lastPublishFailure.set(rootMessage(e));
                        throw new IngestException("cannot publish " + id + ": " + rootMessage(e), e);
                    }
                    // this record alone cannot be written (too large, unencodable): dead-letter it and go on
                    byte[] body = article.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return sink.deadLetter(Records.deadLetter(
                                    reason,
                                    "article " + id + " cannot be written to Kafka: " + rootMessage(e),
                                    e,
                                    article.getSource(),
                                    article.getProvenance(),
                                    body,
                                    body.length))
                            .handle((v2, e2) -> {
                                if (e2 != null) {
                                    stats.failed.incrementAndGet();
                                    throw new IngestException("cannot write dead letter: " + rootMessage(e2), e2);
                                }
                                stats.deadLettered.incrementAndGet();
                                return Outcome.DEAD_LETTERED;
                            });
                })
                .thenCompose(f -> f);
    }

    /** The dead-letter reason when {@code e} concerns this record only, or null when the sink itself failed. */
    static String recordReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                return "too-large";
            }
            if (t instanceof dev.warta.schemas.serde.WireFormatException w
                    && w.reason() == dev.warta.schemas.serde.WireFormatException.Reason.MALFORMED) {
                return "unencodable";
            }
        }
        return null;
    }

    private static boolean contains(long[] hashes, long hash) {
        for (long h : hashes) {
            if (h == hash) {
                return true;
            }
        }
        return false;
    }

    private static long[] prepend(long hash, long[] old) {
        int keep = old == null ? 0 : Math.min(old.length, VERSIONS - 1);
        long[] out = new long[keep + 1];
        out[0] = hash;
        if (keep > 0) {
            System.arraycopy(old, 0, out, 1, keep);
        }
        return out;
    }

    /** Seen-topic value: comma-separated 16-hex-digit hash prefixes, newest first. */
    static String format(long[] hashes) {
        StringBuilder sb = new StringBuilder(hashes.length * 17);
        for (long h : hashes) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            String hex = Long.toHexString(h);
            sb.append("0".repeat(16 - hex.length())).append(hex);
        }
        return sb.toString();
    }

    static long[] parse(String value) {
        if (value == null || value.isEmpty()) {
            return new long[] {0};
        }
        String[] parts = value.split(",");
        long[] out = new long[Math.min(parts.length, VERSIONS)];
        for (int i = 0; i < out.length; i++) {
            out[i] = hashKey(parts[i].strip());
        }
        return out;
    }

    private static long hashKey(String hex) {
        if (hex == null || hex.length() < 16) {
            return hex == null ? 0 : hex.hashCode();
        }
        try {
            return Long.parseUnsignedLong(hex.substring(0, 16), 16);
        } catch (NumberFormatException e) {
            return hex.hashCode();
        }
    }

    /** The message of the innermost cause, for one-line reasons. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && t.getCause() != t
                && (t instanceof java.util.concurrent.CompletionException
                        || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        String first = msg == null ? "" : msg.lines().findFirst().orElse("");
        if (t instanceof IllegalStateException || t instanceof IngestException) {
            return first;
        }
        return t.getClass().getSimpleName() + (first.isEmpty() ? "" : ": " + first);
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
