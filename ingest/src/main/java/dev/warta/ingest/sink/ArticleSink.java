package dev.warta.ingest.sink;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where ingest writes: articles, dead letters and the "seen" index. A future completes when the record is durably
 * written (for Kafka: acked by all in-sync replicas); it completes exceptionally when it cannot be. Thread-safe.
 */
public interface ArticleSink extends AutoCloseable {

    /** Publishes an article keyed by its id. */
    CompletableFuture<Void> publish(RawArticle article);

    /** Publishes a dead letter. */
    CompletableFuture<Void> deadLetter(DeadLetter letter);

    /** Records the seen-index value of {@code id} (the content hashes published under it, see IngestTopics.SEEN). */
    CompletableFuture<Void> markSeen(String id, String contentHash);

    /** The seen index as stored (id to content hash, last write wins), read within {@code timeout}. */
    Map<String, String> loadSeen(Duration timeout);

    /** Sends whatever is buffered now. */
    void flush();

    @Override
    void close();
}
