package dev.warta.sink;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;

/**
 * Settings of the sink topology. Build with {@link #defaults(Serde)} and the {@code with...} methods.
 *
 * @param articleSerde    value serde of news.enriched / news.clean / news.filtered (e.g. a configured AvroSerde);
 *                        also used to carry the article through the dedup repartition topics
 * @param inputTopic      default {@link Topics#ENRICHED}
 * @param cleanTopic      default {@link Topics#CLEAN}
 * @param filteredTopic   default {@link Topics#FILTERED}
 * @param languages       ISO 639-1 codes to publish; empty = every language (default)
 * @param policy          duplicate policy, default {@link DuplicatePolicy#MARK}
 * @param threshold       estimated Jaccard at or above which an article is a near-duplicate, default 0.8
 * @param bands           LSH bands, default 32
 * @param rows            MinHash rows per band, default 8 ({@code bands * rows} must not exceed the signature
 *                        length, {@link Fingerprinter#PERMUTATIONS})
 * @param bucketCapacity  articles remembered per band bucket (the first ones seen), default 4
 * @param stats           outcome counters, default {@link SinkStats#NONE}
 * @param dedupPartitions partitions of the band topic (the parallelism of the band step), default
 *                        {@value #DEFAULT_DEDUP_PARTITIONS}: every bucket in one task, which decides the verdict
 *                        itself (one hop per article). More partitions spread the band step over instances at
 *                        the cost of a gather round trip (the article travels two more topics). It cannot change
 *                        once the application ran (Kafka Streams refuses existing repartition topics of another
 *                        size; reset the application or use a new application id to change it).
 */
public record SinkConfig(
        AvroSerde<EnrichedArticle> articleSerde,
        String inputTopic,
        String cleanTopic,
        String filteredTopic,
        Set<String> languages,
        DuplicatePolicy policy,
        double threshold,
        int bands,
        int rows,
        int bucketCapacity,
        SinkStats stats,
        int dedupPartitions) {
    /**
     * Default partitions of the band topic: one. The band step (bucket look-ups) is a small part of the sink's work,
     * one stream thread keeps up with several thousand articles per second, and one partition saves the gather hop.
     */
    public static final int DEFAULT_DEDUP_PARTITIONS = 1;
    /**
     * Default LSH bands and rows: 20 x 6 has the candidate curve of 32 x 8 at and above the threshold (0.998 at
     * similarity 0.8, 0.92 at 0.7) with 21 buckets per article instead of 33, each bucket a store read, a store
     * write and a changelog record.
     */
    public static final int DEFAULT_BANDS = 20;

    public static final int DEFAULT_ROWS = 6;

    public SinkConfig {
        Objects.requireNonNull(articleSerde, "articleSerde");
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(cleanTopic, "cleanTopic");
        Objects.requireNonNull(filteredTopic, "filteredTopic");
        languages = Set.copyOf(languages);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stats, "stats");
        if (!(threshold > 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        if (bands < 1 || rows < 1 || bands * rows > Fingerprinter.PERMUTATIONS) {
            throw new IllegalArgumentException("need 1 <= bands * rows <= 128: " + bands + " x " + rows);
        }
        if (bucketCapacity < 1) {
            throw new IllegalArgumentException("bucketCapacity must be >= 1: " + bucketCapacity);
        }
        if (dedupPartitions < 1) {
            throw new IllegalArgumentException("dedupPartitions must be >= 1: " + dedupPartitions);
        }
    }

    /** The defaults: warta's topics, every language, mark, 0.8, 20 bands x 6 rows, 4 per bucket. */
    public static SinkConfig defaults(AvroSerde<EnrichedArticle> articleSerde) {
        return new SinkConfig(
                articleSerde,
                Topics.ENRICHED,
                Topics.CLEAN,
                Topics.FILTERED,
                Set.of(),
                DuplicatePolicy.MARK,
                0.8,
                DEFAULT_BANDS,
                DEFAULT_ROWS,
                4,
                SinkStats.NONE,
                DEFAULT_DEDUP_PARTITIONS);
    }

    /** Setting: comma-separated language codes to publish (empty = all). */
    public static final String LANGUAGES = "warta.sink.languages";
    /** Setting: {@code mark} or {@code drop}. */
    public static final String DUPLICATES = "warta.sink.duplicates";
    /** Setting: similarity threshold in (0, 1]. */
    public static final String THRESHOLD = "warta.sink.threshold";
    /** Setting: LSH bands. */
    public static final String BANDS = "warta.sink.lsh.bands";
    /** Setting: LSH rows per band. */
    public static final String ROWS = "warta.sink.lsh.rows";
    /** Setting: articles remembered per band bucket. */
    public static final String BUCKET_CAPACITY = "warta.sink.bucket.capacity";
    /** Setting: partitions of the dedup repartition topics. */
    public static final String DEDUP_PARTITIONS = "warta.sink.dedup.partitions";

    /**
     * This config with the {@code warta.sink.*} settings present in {@code settings} applied (e.g. the Streams
     * properties file); absent keys keep their value. Bad values raise IllegalArgumentException naming the key.
     */
    public SinkConfig withSettings(java.util.Map<?, ?> settings) {
        SinkConfig c = this;
        Object v;
        try {
            if ((v = settings.get(LANGUAGES)) != null) {
                Set<String> codes = new java.util.TreeSet<>();
                for (String code : v.toString().split(",")) {
                    if (!code.isBlank()) {
                        codes.add(code.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                }
                c = c.withLanguages(codes);
            }
            if ((v = settings.get(DUPLICATES)) != null) {
                c = c.withPolicy(DuplicatePolicy.parse(v.toString()));
            }
            if ((v = settings.get(THRESHOLD)) != null) {
                c = c.withThreshold(Double.parseDouble(v.toString().strip()));
            }
            int b = settings.get(BANDS) == null
                    ? c.bands
                    : Integer.parseInt(settings.get(BANDS).toString().strip());
            int r = settings.get(ROWS) == null
                    ? c.rows
                    : Integer.parseInt(settings.get(ROWS).toString().strip());
            int cap = settings.get(BUCKET_CAPACITY) == null
                    ? c.bucketCapacity
                    : Integer.parseInt(settings.get(BUCKET_CAPACITY).toString().strip());
            if ((v = settings.get(DEDUP_PARTITIONS)) != null) {
                c = c.withDedupPartitions(Integer.parseInt(v.toString().strip()));
            }
            return c.withBanding(b, r, cap);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad warta.sink.* setting: " + e.getMessage(), e);
        }
    }

    public SinkConfig withLanguages(Set<String> codes) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                codes,
                policy,
                threshold,
                bands,
                rows,
                bucketCapacity,
                stats,
                dedupPartitions);
    }

    public SinkConfig withPolicy(DuplicatePolicy p) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                languages,
                p,
                threshold,
                bands,
                rows,
                bucketCapacity,
                stats,
                dedupPartitions);
    }

    public SinkConfig withThreshold(double t) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                languages,
                policy,
                t,
                bands,
                rows,
                bucketCapacity,
                stats,
                dedupPartitions);
    }

    public SinkConfig withBanding(int b, int r, int capacity) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                languages,
                policy,
                threshold,
                b,
                r,
                capacity,
                stats,
                dedupPartitions);
    }

    public SinkConfig withTopics(String input, String clean, String filtered) {
        return new SinkConfig(
                articleSerde,
                input,
                clean,
                filtered,
                languages,
                policy,
                threshold,
                bands,
                rows,
                bucketCapacity,
                stats,
                dedupPartitions);
    }

    public SinkConfig withDedupPartitions(int partitions) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                languages,
                policy,
                threshold,
                bands,
                rows,
                bucketCapacity,
                stats,
                partitions);
    }

    public SinkConfig withStats(SinkStats s) {
        return new SinkConfig(
                articleSerde,
                inputTopic,
                cleanTopic,
                filteredTopic,
                languages,
                policy,
                threshold,
                bands,
                rows,
                bucketCapacity,
                s,
                dedupPartitions);
    }
}
