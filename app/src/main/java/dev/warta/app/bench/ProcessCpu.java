package dev.warta.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process (every thread, the embedded broker, JIT compiler and GC included) and of the threads
 * of one stage (named after its application id: stream threads and their producers). Per article, these are the
 * cost figures that other processes on a shared machine disturb least: wall-clock throughput drops when they take
 * the cores, CPU time per article much less.
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

    /** CPU nanoseconds of every live thread whose name contains {@code namePart}, by thread id. */
    static Map<Long, Long> threads(String namePart) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> out = new HashMap<>();
        if (!mx.isThreadCpuTimeSupported()) {
            return out;
        }
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(namePart)) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), cpu);
                }
            }
        }
        return out;
    }

    /** Milliseconds per article of the threads named like {@code namePart} since {@code before} (of {@link #threads}). */
    static double threadsPerArticleMillis(String namePart, Map<Long, Long> before, long articles) {
        if (articles <= 0) {
            return 0;
        }
        long sum = 0;
        for (var e : threads(namePart).entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum / 1e6 / articles;
    }
}
