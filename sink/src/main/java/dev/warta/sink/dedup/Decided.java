package dev.warta.sink.dedup;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * An article with its verdict, ready for its output topic: {@code wire} is its wire-format encoding (the bytes read
 * from news.enriched when nothing changed), {@code duplicate} whether it was found a near-duplicate,
 * {@code filterReason} non-null when it goes to news.filtered ({@code duplicate} under the drop policy).
 */
public record Decided(String id, byte[] wire, boolean duplicate, String filterReason) {

    /** Writes {@link #wire()} as it is; never reads. */
    public static Serde<Decided> serde() {
        return Serdes.serdeFrom((topic, d) -> d == null ? null : d.wire(), (topic, bytes) -> {
            throw new UnsupportedOperationException("a decided article is only ever written");
        });
    }
}
