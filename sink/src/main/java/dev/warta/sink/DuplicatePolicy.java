package dev.warta.sink;

/** What sink does with a near-duplicate: {@code mark} it (publish with duplicateOf) or {@code drop} it to news.filtered. */
public enum DuplicatePolicy {
    MARK,
    DROP;

    /** Parses {@code mark} / {@code drop} (any case). */
    public static DuplicatePolicy parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
