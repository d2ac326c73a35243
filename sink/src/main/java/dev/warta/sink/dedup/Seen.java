package dev.warta.sink.dedup;

/**
 * What the one-partition dedup step remembers of an article: one record per article id, the only dedup state that
 * reaches Kafka (its changelog). The in-memory band index is rebuilt from these records when the task starts, so
 * a restart or a rebalance costs no per-bucket changelog.
 *
 * @param seq       arrival order within the task (buckets keep their first {@code capacity} articles)
 * @param ts        the article's record timestamp
 * @param rootId    the root of its cluster (itself when it is no duplicate)
 * @param signature the low 16 bits of its MinHash values (empty when it has none)
 * @param buckets   the 64-bit hashes of the bucket keys it was remembered in ({@link MemoryBandIndex#hash})
 * @param verdict   the verdict it got, so that a replayed id gets the same one
 */
public record Seen(
        String id, long seq, long ts, String rootId, long rootTs, short[] signature, long[] buckets, Verdict verdict) {}
