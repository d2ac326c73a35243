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
    private ProcessCpu() {}

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

    /** Thread groups of {@link #breakdown}, first match wins; what matches none is "other threads". */
    private static final String[][] GROUPS = {
        {"enrich stream threads", "bench-enrich"},
        {"sink stream threads", "bench-sink"},
        {
            "broker",
            "kafka-request-handler",
            "kafka-network-thread",
            "TxnMarkerSender",
            "AddPartitionsToTxn",
            "group-coordinator",
            "kafka-",
            "raft",
            "quorum",
            "broker-",
            "ExpirationReaper",
            "transaction-log"
        },
    };

    /** CPU nanoseconds of every live thread now, by thread id, with the thread's name. */
    static Map<Long, Map.Entry<String, Long>> allThreads() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Map.Entry<String, Long>> out = new HashMap<>();
        if (!mx.isThreadCpuTimeSupported()) {
            return out;
        }
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info != null) {
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), Map.entry(info.getThreadName(), cpu));
                }
            }
        }
        return out;
    }

    /**
     * Milliseconds of CPU per article since ({@code processBefore}, {@code threadsBefore}) by thread group: each
     * stage's stream threads, the embedded broker's threads, the clients' network threads (producers, admin),
     * other Java threads (the bench, ingest), and what no Java thread accounts for: garbage collection, the JIT
     * compiler and other VM threads.
     */
    static Map<String, Double> breakdown(
            long processBefore, Map<Long, Map.Entry<String, Long>> threadsBefore, long articles) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        if (articles <= 0) {
            return out;
        }
        for (String[] g : GROUPS) {
            out.put(g[0], 0.0);
        }
        out.put("clients' network threads", 0.0);
        out.put("other Java threads", 0.0);
        long javaNanos = 0;
        for (var e : allThreads().entrySet()) {
            String name = e.getValue().getKey();
            var before = threadsBefore.get(e.getKey());
            long delta = e.getValue().getValue() - (before == null ? 0 : before.getValue());
            javaNanos += delta;
            out.merge(group(name), delta / 1e6 / articles, Double::sum);
        }
        long process = nanos();
        if (process >= 0 && processBefore >= 0) {
            out.put("GC, JIT, VM (no Java thread)", Math.max(0, process - processBefore - javaNanos) / 1e6 / articles);
        }
        return out;
    }

    static String group(String threadName) {
        if (threadName.startsWith("kafka-producer-network-thread")
                || threadName.startsWith("kafka-admin-client-thread")) {
            return "clients' network threads";
        }
        for (String[] g : GROUPS) {
            for (int i = 1; i < g.length; i++) {
                if (threadName.contains(g[i])) {
                    return g[0];
                }
            }
        }
        return "other Java threads";
    }
}
