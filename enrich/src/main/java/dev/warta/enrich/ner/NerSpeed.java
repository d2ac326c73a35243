package dev.warta.enrich.ner;

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
 * the CPU time per article (best of several passes), so changes to the tagger's hot path can be compared.
 *
 * <pre>{@code
 * mvn -B -q -o -pl enrich -am compile
 * java -cp enrich/target/classes:schemas/target/classes dev.warta.enrich.ner.NerSpeed ../shared/seeds 2000
 * }</pre>
 * The second argument is the number of timed passes (default 1000), split into 5 rounds.
 */
public final class NerSpeed {
    private NerSpeed() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        EntityTagger tagger = EntityTagger.load();
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
        long chars = texts.stream().mapToLong(String::length).sum() / Math.max(1, texts.size());
        System.out.printf(Locale.ROOT, "best: %.0f µs CPU per article (%d articles, average %d chars; %d)%n",
                best, texts.size(), chars, sink % 10);
    }
}
