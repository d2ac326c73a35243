package dev.warta.schemas;

/** Names of warta's topics. Stages take them from here so that every process agrees. */
public final class Topics {
    /** Everything ingest published; kept forever, it is the corpus replay reads. */
    public static final String RAW = "news.raw";
    /** Enrich's output: every analysed article. */
    public static final String ENRICHED = "news.enriched";
    /** What downstream consumers read: clean articles keyed by article id. */
    public static final String CLEAN = "news.clean";
    /** Articles sink did not publish, with the reason. */
    public static final String FILTERED = "news.filtered";
    /** Dead letters of every stage. */
    public static final String DLQ = "news.dlq";
    /** Ingest's record of what it published (compacted: article id → content hashes), to tell repeats apart. */
    public static final String INGEST_SEEN = "news.ingest.seen";
    /** The embedded registry's store (compacted). */
    public static final String SCHEMAS = "_schemas";

    private Topics() {}

    /** Subject of a topic's value schema under Confluent's TopicNameStrategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
