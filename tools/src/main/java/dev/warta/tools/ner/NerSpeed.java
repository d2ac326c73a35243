package dev.warta.tools.ner;

import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.NerTokenizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Speed harness for {@link EntityTagger#tag}: tags every {@code .txt} file of a directory in a warm JVM and prints
 * the CPU time per article and per sentence (best of 5 rounds), so changes to the tagger's hot path can be
 * compared.
 *
 * <pre>{@code
 * ./warta-tools ner-speed ../shared/seeds 2000
 * ./warta-tools ner-speed ../shared/seeds 2000 64
 * }</pre>
 * The second argument is the number of timed passes (default 1000), split into 5 rounds. A third argument
 * {@code MB} starts a "polluter" thread that keeps streaming reads and writes through an array of that many
 * megabytes, evicting the model from the shared caches as the broker, ingest and sink threads do inside
 * {@code warta bench} (64 MB, twice the L3 of the build machine, reproduces the in-pipeline slowdown).
 */
public final class NerSpeed {
    private NerSpeed() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int polluteMb = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        EntityTagger tagger = EntityTagger.load();
        long sentences = 0;
        for (String t : texts) {
            sentences += NerTokenizer.sentences(t).size();
        }
        Polluter polluter = polluteMb > 0 ? Polluter.start(polluteMb) : null;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 300; i++) {
            for (String t : texts) {
                sink += tagger.tag(t).size();
            }
        }
        double best = Double.MAX_VALUE;
        int perRound = Math.max(1, passes / 5);
        for (int round = 0; round < 5; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                for (String t : texts) {
                    sink += tagger.tag(t).size();
                }
            }
            double us = (cpu.getCurrentThreadCpuTime() - t0) / 1e3 / perRound / texts.size();
            best = Math.min(best, us);
            System.out.printf(Locale.ROOT, "round %d: %.0f µs CPU per article%n", round, us);
        }
        if (polluter != null) {
            polluter.stop();
        }
        com.sun.management.ThreadMXBean mem = (com.sun.management.ThreadMXBean) cpu;
        long a0 = mem.getCurrentThreadAllocatedBytes();
        for (String t : texts) {
            sink += tagger.tag(t).size();
        }
        long allocated = (mem.getCurrentThreadAllocatedBytes() - a0) / Math.max(1, texts.size());
        long chars = texts.stream().mapToLong(String::length).sum() / Math.max(1, texts.size());
        System.out.printf(
                Locale.ROOT,
                "best%s: %.0f µs CPU per article, %.1f µs per sentence (%d articles, average "
                        + "%d chars, %.1f sentences; %d KB allocated per article; %d)%n",
                polluter != null ? " (polluted, " + polluteMb + " MB)" : "",
                best,
                best * texts.size() / Math.max(1, sentences),
                texts.size(),
                chars,
                (double) sentences / Math.max(1, texts.size()),
                allocated >> 10,
                sink % 10);
    }

    /** A thread streaming through a big array (one read and one write per 64-byte line) until stopped. */
    static final class Polluter implements Runnable {
        private final long[] data;
        private volatile boolean running = true;
        private final Thread thread;
        volatile long checksum;

        private Polluter(int mb) {
            data = new long[mb << 17];
            thread = new Thread(this, "ner-cache-polluter");
            thread.setDaemon(true);
        }

        static Polluter start(int mb) {
            Polluter p = new Polluter(mb);
            p.thread.start();
            return p;
        }

        @Override
        public void run() {
            long sum = 0;
            while (running) {
                for (int i = 0; i < data.length; i += 8) {
                    sum += data[i];
                    data[i] = sum;
                }
            }
            checksum = sum;
        }

        void stop() {
            running = false;
        }
    }
}
