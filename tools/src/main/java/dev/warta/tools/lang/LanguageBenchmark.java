package dev.warta.tools.lang;

import dev.warta.enrich.lang.DevFigures;
import dev.warta.enrich.lang.LangData;
import dev.warta.enrich.lang.LanguageDetector;
import dev.warta.enrich.lang.LanguageResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy of the shipped model on the held-out part of each data set (the items {@link TrainLanguageModel} did
 * not train on, see {@link LangData#heldOut}), Malay and Indonesian per length bucket ({@link DevFigures}), plus the
 * NusaX test split, whole Indonesian (Detik) and Malay (Majoriti) articles, and the mean CPU cost of {@link LanguageDetector#detectDocument} per 4 KB of article.
 *
 * <p>Run from the repository root ({@code -v} lists every miss):
 * <pre>{@code
 * ./warta-tools lang ../shared/data/lang [-v]
 * }</pre>
 * Costs are thread CPU time (the machine is shared), single thread, after a warm-up.
 */
public final class LanguageBenchmark {

    private LanguageBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/lang");
        boolean verbose = args.length > 1 && args[1].equals("-v");
        LanguageDetector detector = LanguageDetector.load();
        System.out.println("languages: " + detector.languages());

        for (String set : List.of("sentences", "word-pairs", "single-words")) {
            double sum = 0;
            int n = 0;
            StringBuilder line = new StringBuilder();
            for (String iso : LangData.LEIPZIG) {
                Path f = data.resolve(set).resolve(iso + ".txt");
                if (!Files.exists(f)) {
                    continue;
                }
                double acc = accuracy(detector, held(LangData.lines(f)), iso, verbose ? set + "/" + iso : null);
                line.append(String.format(" %s=%.1f", iso, acc));
                if (!iso.equals("id") && !iso.equals("en")) {
                    sum += acc;
                    n++;
                }
            }
            System.out.printf("%-13s%s | mean(others)=%.2f%n", set, line, sum / n);
        }
        Path msTxt = data.resolve("sentences/ms.txt");
        if (Files.exists(msTxt)) {
            Map<String, Integer> dist = distribution(detector, held(LangData.lines(msTxt)));
            System.out.println("sentences/ms.txt (mostly Indonesian, label unreliable) -> " + dist);
        }
        DevFigures.print(detector, data, System.out);
        Path malay = data.resolve("malay");
        System.out.printf(
                "malay sentences (held out): ms=%.2f%n",
                accuracy(
                        detector,
                        held(LangData.lines(malay.resolve("ms-sentences.txt"))),
                        "ms",
                        verbose ? "malay" : null));
        List<String> majoriti = held(LangData.jsonlTexts(malay.resolve("majoriti-articles.jsonl")));
        System.out.printf(
                "malay articles (held out, detectDocument, %d): ms=%.2f%n",
                majoriti.size(), documentAccuracy(detector, majoriti, "ms"));

        Path test = data.resolve("nusax/test.csv");
        StringBuilder nx = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(LangData.nusax(test)).entrySet()) {
            nx.append(String.format(
                    " %s=%.1f",
                    e.getKey(), accuracy(detector, e.getValue(), e.getKey(), verbose ? "nusax/" + e.getKey() : null)));
        }
        System.out.println("nusax test   " + nx);

        List<String> detik = held(LangData.detikBodies(data.resolve("../news/detik-dev.csv")));
        System.out.printf(
                "detik articles (held out, detectDocument, %d): id=%.2f%n",
                detik.size(), documentAccuracy(detector, detik, "id"));
        List<String> detikAll = LangData.detikBodies(data.resolve("../news/detik-dev.csv"));
        System.out.printf(
                "detik paragraphs (held out, in-document): id=%.2f%n", paragraphAccuracy(detector, detik, "id"));
        cost(detector, detikAll);
    }

    private static List<String> held(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (LangData.heldOut(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static double accuracy(LanguageDetector d, List<String> lines, String expected, String tag) {
        int ok = 0;
        for (String s : lines) {
            String got = d.detect(s).code();
            if (got.equals(expected)) {
                ok++;
            } else if (tag != null) {
                System.out.println("  miss " + tag + " -> " + got + ": " + s);
            }
        }
        return lines.isEmpty() ? Double.NaN : 100.0 * ok / lines.size();
    }

    private static Map<String, Integer> distribution(LanguageDetector d, List<String> lines) {
        Map<String, Integer> out = new TreeMap<>();
        for (String s : lines) {
            out.merge(d.detect(s).code(), 1, Integer::sum);
        }
        return out;
    }

    private static double documentAccuracy(LanguageDetector d, List<String> bodies, String expected) {
        int ok = 0;
        for (String b : bodies) {
            if (d.detectDocument(LangData.paragraphs(b), null).document().code().equals(expected)) {
                ok++;
            }
        }
        return 100.0 * ok / bodies.size();
    }

    private static double paragraphAccuracy(LanguageDetector d, List<String> bodies, String expected) {
        int ok = 0;
        int n = 0;
        for (String b : bodies) {
            for (LanguageResult r :
                    d.detectDocument(LangData.paragraphs(b), null).paragraphs()) {
                n++;
                if (r.code().equals(expected)) {
                    ok++;
                }
            }
        }
        return 100.0 * ok / n;
    }

    /** Mean single-thread CPU time of detectDocument, scaled to 4096 chars of article. */
    private static void cost(LanguageDetector d, List<String> bodies) {
        // thread CPU time, not wall time: the build machine is shared and often overloaded
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        List<List<String>> docs = new ArrayList<>();
        long chars = 0;
        for (String b : bodies) {
            docs.add(LangData.paragraphs(b));
            chars += b.length();
        }
        int sink = 0;
        for (int r = 0; r < 20; r++) { // warm-up
            for (List<String> p : docs) {
                sink += d.detectDocument(p, "id").paragraphs().size();
            }
        }
        int rounds = 20;
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < rounds; r++) {
            for (List<String> p : docs) {
                sink += d.detectDocument(p, "id").paragraphs().size();
            }
        }
        long ns = cpu.getCurrentThreadCpuTime() - t0;
        double perArticle = ns / 1e6 / (rounds * (double) docs.size());
        double per4k = ns / 1e6 / (rounds * (double) chars) * 4096;
        System.out.printf(
                "CPU cost detectDocument: %.3f ms per article (mean %d chars), %.3f ms per 4 KB (%d)%n",
                perArticle, chars / docs.size(), per4k, sink % 2);
        t0 = cpu.getCurrentThreadCpuTime();
        int lines = 0;
        for (int r = 0; r < 5; r++) {
            for (List<String> p : docs) {
                for (String s : p) {
                    sink += d.detect(s).code().length();
                    lines++;
                }
            }
        }
        System.out.printf(
                "CPU cost detect(line): %.4f ms per paragraph line (%d)%n",
                (cpu.getCurrentThreadCpuTime() - t0) / 1e6 / lines, sink % 2);
    }
}
