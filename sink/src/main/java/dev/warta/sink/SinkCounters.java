package dev.warta.sink;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@link SinkStats} kept in memory: {@code clean}, {@code clean.duplicate} (marked duplicates published) and
 * {@code filtered.<reason>} counters, cheap to update from many stream threads. Export {@link #snapshot()} as
 * metrics or print it.
 *
 * <pre>{@code
 * SinkCounters counters = new SinkCounters();
 * Topology t = SinkTopology.build(SinkConfig.defaults(serde).withStats(counters));
 * ... counters.snapshot()  // {clean=10, clean.duplicate=2, filtered.language=1}
 * }</pre>
 */
public final class SinkCounters implements SinkStats {
    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    @Override
    public void clean(boolean duplicate) {
        add("clean");
        if (duplicate) {
            add("clean.duplicate");
        }
    }

    @Override
    public void filtered(String reason) {
        add("filtered." + reason);
    }

    /** The current counts, sorted by name; counters never incremented are absent. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** One counter, 0 when never incremented. */
    public long get(String name) {
        LongAdder a = counters.get(name);
        return a == null ? 0 : a.sum();
    }

    private void add(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }
}
