package dev.warta.tools.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.enrich.ner.ConllTagging;
import dev.warta.enrich.ner.EntityTagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * English entity tagging, measured through the product paths: entity F1 (PERSON / ORGANIZATION / LOCATION, MISC
 * ignored, exact spans) of {@code warta ner}'s tagging ({@link ConllTagging} over {@link EntityTagger}) on CoNLL
 * files, by default and with {@code --lang en}; then the CPU cost of the article path
 * ({@link EntityTagger#tag(List, List, String)} with English paragraphs) per 4 KB of English news text (the English
 * fundus pages cut into 4 KB articles), best of 5 rounds in a warm JVM.
 *
 * <pre>{@code
 * ./warta-tools ner-en                                   # ../shared/data/ner/en/conll2003-valid.txt
 * ./warta-tools ner-en FILE.conll... [--fundus DIR]
 * }</pre>
 */
public final class EnglishNerBenchmark {
    private static final int ARTICLE_CHARS = 4096;

    private EnglishNerBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        Path fundus = Path.of("../shared/data/extract/fundus");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--fundus") && i + 1 < args.length) {
                fundus = Path.of(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            files.add(Path.of("../shared/data/ner/en/conll2003-valid.txt"));
        }
        EntityTagger tagger = EntityTagger.load();
        for (Path f : files) {
            String input = Files.readString(f, StandardCharsets.UTF_8);
            for (String lang : new String[] {null, "en"}) {
                StringWriter out = new StringWriter();
                ConllTagging.run(new StringReader(input), out, tagger.withLanguage(lang));
                System.out.printf(
                        Locale.ROOT,
                        "%s warta ner%s: %s%n",
                        f.getFileName(),
                        lang == null ? "" : " --lang " + lang,
                        score(input, out.toString()));
            }
        }
        speed(tagger, articles(fundus));
    }

    /** Exact-span F1 of the predicted tags (second column of {@code predicted}) against the gold (last column). */
    static String score(String gold, String predicted) throws IOException {
        List<List<String>> g = column(gold);
        List<List<String>> p = column(predicted);
        int[] tp = new int[3];
        int[] fp = new int[3];
        int[] fn = new int[3];
        for (int s = 0; s < Math.min(g.size(), p.size()); s++) {
            Set<String> gs = spans(g.get(s));
            Set<String> ps = spans(p.get(s));
            for (String x : ps) {
                int t = x.charAt(0) - '0';
                if (gs.contains(x)) {
                    tp[t]++;
                } else {
                    fp[t]++;
                }
            }
            for (String x : gs) {
                if (!ps.contains(x)) {
                    fn[x.charAt(0) - '0']++;
                }
            }
        }
        int t = tp[0] + tp[1] + tp[2];
        int pp = t + fp[0] + fp[1] + fp[2];
        int gg = t + fn[0] + fn[1] + fn[2];
        return String.format(
                Locale.ROOT,
                "F1 %.4f (P %.4f R %.4f; PERSON %.4f ORGANIZATION %.4f LOCATION %.4f)%s",
                f1(t, pp, gg),
                t / (double) Math.max(1, pp),
                t / (double) Math.max(1, gg),
                f1(tp[0], tp[0] + fp[0], tp[0] + fn[0]),
                f1(tp[1], tp[1] + fp[1], tp[1] + fn[1]),
                f1(tp[2], tp[2] + fp[2], tp[2] + fn[2]),
                g.size() == p.size() ? "" : " (sentence counts differ: " + g.size() + " vs " + p.size() + ")");
    }

    private static double f1(int tp, int predicted, int gold) {
        return predicted + gold == 0 ? 0 : 2.0 * tp / (predicted + gold);
    }

    /** The last column of each token line, per sentence. */
    private static List<List<String>> column(String conll) throws IOException {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        BufferedReader r = new BufferedReader(new StringReader(conll));
        String line;
        while ((line = r.readLine()) != null) {
            String s = line.strip();
            if (s.isEmpty()) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
                continue;
            }
            String[] f = s.split("[\t ]+");
            cur.add(f[f.length - 1]);
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** Spans as "type start end" (type 0 PERSON, 1 ORGANIZATION, 2 LOCATION); B- and I- (IOB1) both open spans. */
    private static Set<String> spans(List<String> tags) {
        Set<String> out = new HashSet<>();
        int i = 0;
        while (i < tags.size()) {
            int type = type(tags.get(i));
            if (type < 0) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tags.size() && tags.get(j).startsWith("I-") && type(tags.get(j)) == type) {
                j++;
            }
            out.add(type + " " + i + " " + j);
            i = j;
        }
        return out;
    }

    private static int type(String tag) {
        if (tag.length() < 3 || tag.charAt(1) != '-') {
            return -1;
        }
        return switch (tag.substring(2)) {
            case "PER", "PERSON" -> 0;
            case "ORG", "ORGANIZATION" -> 1;
            case "LOC", "LOCATION" -> 2;
            default -> -1;
        };
    }

    /** English fundus page bodies, cut into articles of about 4 KB at paragraph ends. */
    static List<List<String>> articles(Path fundus) throws IOException {
        List<List<String>> out = new ArrayList<>();
        if (!Files.isDirectory(fundus)) {
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(fundus)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            for (JsonNode version : json.readTree(f.toFile())) {
                List<String> paragraphs = new ArrayList<>();
                for (JsonNode section : version.path("body").path("sections")) {
                    section.path("paragraphs").forEach(p -> paragraphs.add(p.asText()));
                }
                String text = String.join(" ", paragraphs);
                if (!english(text)) {
                    continue;
                }
                List<String> article = new ArrayList<>();
                int chars = 0;
                for (String p : paragraphs) {
                    article.add(p);
                    chars += p.length() + 2;
                    if (chars >= ARTICLE_CHARS) {
                        out.add(article);
                        article = new ArrayList<>();
                        chars = 0;
                    }
                }
            }
        }
        return out;
    }

    private static boolean english(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        int fn = 0;
        for (String w : words) {
            fn += switch (w) {
                case "the", "of", "and", "to", "in", "is", "that", "for", "said", "was" -> 1;
                default -> 0;
            };
        }
        return words.length > 100 && fn > 0.12 * words.length;
    }

    static void speed(EntityTagger tagger, List<List<String>> articles) {
        if (articles.isEmpty()) {
            System.out.println("no English fundus pages found: speed not measured");
            return;
        }
        List<List<String>> langs = new ArrayList<>();
        long chars = 0;
        for (List<String> a : articles) {
            langs.add(a.stream().map(p -> "en").toList());
            chars += String.join("\n\n", a).length();
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 200; i++) {
            for (int k = 0; k < articles.size(); k++) {
                sink += tagger.tag(articles.get(k), langs.get(k), "en").size();
            }
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < 40; i++) {
                for (int k = 0; k < articles.size(); k++) {
                    sink += tagger.tag(articles.get(k), langs.get(k), "en").size();
                }
            }
            double ms = (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / 40 / articles.size();
            best = Math.min(best, ms);
        }
        System.out.printf(
                Locale.ROOT,
                "English articles: %.3f ms CPU per article of %d chars on average (%d articles "
                        + "from the English fundus pages; best of 5 rounds, warm; %d)%n",
                best,
                chars / articles.size(),
                articles.size(),
                sink % 10);
    }
}
