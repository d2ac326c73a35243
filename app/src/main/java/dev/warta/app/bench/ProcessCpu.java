package dev.warta.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this process (every thread, the embedded broker included). Per article, it is the cost figure that
 * other processes on a shared machine disturb least: wall-clock throughput drops when they take the cores, CPU
 * time per article much less.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** CPU nanoseconds used by this process so far, or -1 when the JVM cannot tell. */
    static long nanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** Milliseconds of process CPU per article since {@code startNanos} (from {@link #nanos()}); 0 when unknown. */
    static double perArticleMillis(long startNanos, long articles) {
        long now = nanos();
        if (startNanos < 0 || now < 0 || articles <= 0) {
            return 0;
        }
        return (now - startNanos) / 1e6 / articles;
    }
}
