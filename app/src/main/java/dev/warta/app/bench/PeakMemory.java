package dev.warta.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the heap in use every 50 ms and reads the process's peak resident set (VmHWM) from /proc. */
public final class PeakMemory implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong heapMax = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "warta-bench-memory");
        t.setDaemon(true);
        return t;
    });

    public PeakMemory() {
        sampler.scheduleAtFixedRate(this::sample, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        heapMax.accumulateAndGet(used, Math::max);
    }

    /** The largest heap in use seen so far, in bytes. */
    public long heapUsedMax() {
        sample();
        return heapMax.get();
    }

    /** Peak resident set size of this process in bytes ({@code VmHWM}), -1 when /proc is not there. */
    public static long vmHwm() {
        return vmHwm(Path.of("/proc/self/status"));
    }

    static long vmHwm(Path status) {
        try {
            return parseKb(Files.readAllLines(status), "VmHWM:");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The value in bytes of a {@code Name:   1234 kB} line, -1 when absent. */
    static long parseKb(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
