package dev.warta.sink;

/**
 * Counters of the sink's outcomes, for metrics. Called from stream threads: implementations must be thread-safe
 * and fast (e.g. Micrometer counters or {@code LongAdder}s). Under exactly-once a record whose transaction aborts
 * and is retried is counted again, so the counts are at-least-once.
 */
public interface SinkStats {
    /** Does nothing. */
    SinkStats NONE = new SinkStats() {};

    /** An article was published to news.clean; {@code duplicate} when it carries duplicateOf (policy mark). */
    default void clean(boolean duplicate) {}

    /** An article was published to news.filtered with this reason (see {@link FilterReasons}). */
    default void filtered(String reason) {}
}
