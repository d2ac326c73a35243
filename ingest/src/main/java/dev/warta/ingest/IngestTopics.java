package dev.warta.ingest;

/** Topics owned by ingest (besides {@code news.raw} and {@code news.dlq} from {@code dev.warta.schemas.Topics}). */
public final class IngestTopics {
    /**
     * Compacted: key = article id, value = content hash (UTF-8 hex) of the last published version. Written after
     * {@code news.raw} acked the article; read on start to tell repeats from new articles and updates.
     */
    public static final String SEEN = "news.ingest.seen";

    private IngestTopics() {
    }
}
