package dev.warta.ingest;

/** Topics owned by ingest (besides {@code news.raw} and {@code news.dlq} from {@code dev.warta.schemas.Topics}). */
public final class IngestTopics {
    /**
     * Compacted: key = article id, value = comma-separated 16-hex-digit prefixes of the content hashes published
     * under that id, newest first (at most 8). Written after
     * {@code news.raw} acked the article; read on start to tell repeats from new articles and updates.
     */
    public static final String SEEN = dev.warta.schemas.Topics.INGEST_SEEN;

    private IngestTopics() {}
}
