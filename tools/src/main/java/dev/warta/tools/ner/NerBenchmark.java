package dev.warta.tools.ner;

import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
import dev.warta.enrich.ner.NerCorpus;
import dev.warta.enrich.ner.NerLabels;
import dev.warta.enrich.ner.NerScore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Evaluates the shipped tagger on the {@code *-dev.*} / {@code *-valid.*} files of the NER data dir (never
 * trained on): per family and type entity-level exact-match P/R/F1 over PERSON / ORGANIZATION / LOCATION, for
 * what {@code warta ner} and articles run (model and article rules), then F1 of the model alone and of the model
 * scored with each family's own annotation habits (family-adapted, {@code *}; analysis only); then the tagging
 * cost in µs CPU per sentence on one thread.
 * With {@code --seeds DIR} it instead prints the entities found in each {@code .txt} file of DIR.
 *
 * <pre>{@code
 * ./warta-tools ner ../shared/data/ner
 * ./warta-tools ner --seeds ../shared/seeds
 * }</pre>
 */
public final class NerBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private NerBenchmark() {}

    public static void main(String[] args) throws IOException {
        EntityTagger tagger = EntityTagger.load();
        if (args.length > 1 && args[0].equals("--seeds")) {
            seeds(tagger, Path.of(args[1]));
            return;
        }
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ner");
        Set<String> trainNames = trainingNames(data);
        List<String[]> all = new ArrayList<>();
        for (Path f : NerCorpus.files(data, "dev", "valid")) {
            String family = NerCorpus.family(f);
            NerScore articles = new NerScore();
            NerScore modelOnly = new NerScore();
            NerScore adapted = new NerScore();
            int[] seen = new int[2];
            int[] unseen = new int[2];
            for (NerCorpus.Sentence s : NerCorpus.read(f)) {
                int[] predicted = tagger.labels(s.tokens(), null, true);
                articles.add(s.labels(), predicted);
                recallBySeen(s, predicted, trainNames, seen, unseen);
                modelOnly.add(s.labels(), tagger.labels(s.tokens(), null, false));
                adapted.add(s.labels(), tagger.labels(s.tokens(), family, false));
                all.add(s.tokens());
            }
            System.out.print(articles.report(family));
            System.out.printf(
                    Locale.ROOT,
                    "%-12s ALL model alone F1=%.3f, family-adapted* F1=%.3f%n",
                    family,
                    modelOnly.f1(null),
                    adapted.f1(null));
            System.out.printf(
                    Locale.ROOT,
                    "%-12s recall on names seen in training %.3f (%d), unseen %.3f (%d)%n",
                    family,
                    seen[0] / (double) Math.max(1, seen[1]),
                    seen[1],
                    unseen[0] / (double) Math.max(1, unseen[1]),
                    unseen[1]);
        }
        System.out.println(
                "(P/R/F1: warta ner = articles, model and rules; * = analysis only, scored with the family's "
                        + "own annotation habits, NerFeatures domain)");
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
        System.out.printf(
                Locale.ROOT,
                "%d sentences, %.1f tokens/sentence: %.1f µs CPU per sentence (thread CPU time, tagTokens)%n",
                sentences.size(),
                (double) tokens / sentences.size(),
                best);
    }

    /** Lowercased surface forms of every entity in the training files (any type). */
    private static Set<String> trainingNames(Path data) throws IOException {
        Set<String> names = new HashSet<>();
        for (Path f : NerCorpus.files(data, "train")) {
            for (NerCorpus.Sentence s : NerCorpus.read(f)) {
                NerLabels.forEachSpan(s.labels(), true, (i, j, type) -> names.add(surface(s.tokens(), i, j)));
            }
        }
        return names;
    }

    private static String surface(String[] tokens, int from, int to) {
        return String.join(" ", Arrays.asList(tokens).subList(from, to)).toLowerCase(Locale.ROOT);
    }

    /**
     * Adds the sentence's gold entities to {@code seen} or {@code unseen} ({hits, total}) by whether their surface
     * form is an entity of the training files; a hit is an exact match of span and type.
     */
    private static void recallBySeen(
            NerCorpus.Sentence s, int[] predicted, Set<String> trainNames, int[] seen, int[] unseen) {
        Set<Long> found = new HashSet<>();
        NerLabels.forEachSpan(predicted, false, (i, j, type) -> found.add(((long) i << 32) | ((long) j << 8) | type));
        NerLabels.forEachSpan(s.labels(), true, (i, j, type) -> {
            if (type >= 3) {
                return;
            }
            int[] bucket = trainNames.contains(surface(s.tokens(), i, j)) ? seen : unseen;
            bucket[1]++;
            if (found.contains(((long) i << 32) | ((long) j << 8) | type)) {
                bucket[0]++;
            }
        });
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
                System.out.printf(
                        "%s\t%s\t%s\t%s%n",
                        m.text(), m.type(), m.canonical(), m.wikidataId() == null ? "" : m.wikidataId());
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
