package dev.warta.tools.ner;

import dev.warta.enrich.ner.ConllTagging;
import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
import dev.warta.enrich.ner.NerCorpus;
import dev.warta.enrich.ner.NerScore;
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
 * Evaluates the shipped tagger on the {@code *-dev.*} / {@code *-valid.*} files of the NER data dir (never
 * trained on): per family and type entity-level exact-match P/R/F1 over PERSON / ORGANIZATION / LOCATION, for
 * the general model ({@code tagTokens} without a family), the model scored with each family's own annotation
 * habits (family-adapted, {@code *}), the general model plus article rules, and what {@code warta ner} runs: the
 * convention detected from the file's first {@value ConllTagging#SAMPLE} sentences ({@link ConventionDetector});
 * then the tagging cost in µs CPU per sentence on one thread.
 * With {@code --seeds DIR} it instead prints the entities found in each {@code .txt} file of DIR.
 *
 * <pre>{@code
 * ./warta-tools ner ../shared/data/ner
 * ./warta-tools ner --seeds ../shared/seeds
 * }</pre>
 */
public final class NerBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private NerBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        EntityTagger tagger = EntityTagger.load();
        if (args.length > 1 && args[0].equals("--seeds")) {
            seeds(tagger, Path.of(args[1]));
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ner");
        List<String[]> all = new ArrayList<>();
        for (Path f : NerCorpus.files(data, "dev", "valid")) {
            String family = NerCorpus.family(f);
            NerScore shipped = new NerScore();
            NerScore adapted = new NerScore();
            NerScore withRules = new NerScore();
            NerScore detected = new NerScore();
            List<NerCorpus.Sentence> gold = NerCorpus.read(f);
            // what `warta ner` does: convention detected from the first sentences of the input
            String convention = tagger.convention(gold.stream().limit(ConllTagging.SAMPLE)
                    .map(s -> List.of(s.tokens())).toList());
            for (NerCorpus.Sentence s : gold) {
                detected.add(s.labels(), tagger.labels(s.tokens(), convention, false));
                shipped.add(s.labels(), tagger.labels(s.tokens(), null, false));
                adapted.add(s.labels(), tagger.labels(s.tokens(), family, false));
                withRules.add(s.labels(), tagger.labels(s.tokens(), null, true));
                all.add(s.tokens());
            }
            System.out.print(shipped.report(family));
            System.out.print(adapted.report(family + "*"));
            System.out.printf(Locale.ROOT, "%-12s ALL with article rules F1=%.3f%n", family, withRules.f1(null));
            System.out.printf(Locale.ROOT, "%-12s ALL warta ner (convention detected: %s) F1=%.3f%n", family,
                    convention, detected.f1(null));
        }
        System.out.println("(* = scored with the family's own annotation habits, NerFeatures domain)");
        // timing: warm up, then best of 3 passes over all dev sentences through the public API
        List<List<String>> sentences = all.stream().map(List::of).toList();
        long tokens = all.stream().mapToLong(a -> a.length).sum();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            long sink = 0;
            for (List<String> s : sentences) {
                sink += tagger.tagTokens(s).size();
            }
            double us = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / sentences.size();
            if (round >= 2) {
                best = Math.min(best, us);
            }
            if (sink < 0) {
                System.out.println(sink);
            }
        }
        System.out.printf(Locale.ROOT,
                "%d sentences, %.1f tokens/sentence: %.1f µs CPU per sentence (thread CPU time, tagTokens)%n",
                sentences.size(), (double) tokens / sentences.size(), best);
    }

    private static void seeds(EntityTagger tagger, Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            texts.add(text);
            long t0 = System.nanoTime();
            List<Mention> ms = tagger.tag(text);
            long us = (System.nanoTime() - t0) / 1000;
            System.out.printf("== %s (%d chars, %d µs)%n", f.getFileName(), text.length(), us);
            for (Mention m : ms) {
                System.out.printf("%s\t%s\t%s\t%s%n", m.text(), m.type(), m.canonical(),
                        m.wikidataId() == null ? "" : m.wikidataId());
            }
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        for (int round = 0; round < 200; round++) {
            texts.forEach(tagger::tag);
        }
        long t0 = CPU.getCurrentThreadCpuTime();
        int rounds = 100;
        for (int round = 0; round < rounds; round++) {
            texts.forEach(tagger::tag);
        }
        double us = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / rounds / texts.size();
        System.out.printf(Locale.ROOT, "warm: %.0f µs CPU per text (average %d chars)%n", us, chars / texts.size());
    }
}
