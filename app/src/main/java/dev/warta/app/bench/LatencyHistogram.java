package dev.warta.app.bench;

import java.util.Arrays;

/** Latencies in milliseconds, kept exactly (a bench records at most a few hundred thousand). Thread-safe. */
public final class LatencyHistogram {
    private long[] values = new long[1024];
    private int size;

    public synchronized void record(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = millis;
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code q} quantile (0..1, nearest rank), 0 when empty. */
    public synchronized long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size);
        return sorted[Math.min(size - 1, Math.max(0, rank - 1))];
    }

    public synchronized long max() {
        long m = 0;
        for (int i = 0; i < size; i++) {
            m = Math.max(m, values[i]);
        }
        return m;
    }
}
