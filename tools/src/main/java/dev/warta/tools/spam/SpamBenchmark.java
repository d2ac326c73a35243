package dev.warta.tools.spam;

import dev.warta.enrich.Csv;

import dev.warta.enrich.spam.LabelledComments;
import dev.warta.enrich.spam.SpamDetector;
import dev.warta.enrich.spam.SpamResult;
import dev.warta.enrich.spam.SpamSegmentResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Measures the shipped spam detector: comment-level precision / recall / F1 on the held-out fifth of the labelled
 * comments; an injection test on real clean news articles (held-out spam comments, and SEO paragraphs taken at
 * run time from a seed page, injected at the start / middle / end, as whole paragraphs or appended to an existing
 * paragraph) with article precision / recall / FPR and token removal / keep rates; and the cost per article.
 *
 * <pre>
 * ./warta-tools spam ../shared/data/spam/judol-comments-labelled.csv \
 *   ../shared/data/news/detik-dev.csv ../shared/seeds/002_a486465df6b7e698.txt
 * </pre>
 * Run from the repository root. All arguments are optional (defaults shown); a fourth argument {@code -v} prints
 * every miss, false alarm and leak. Deterministic (fixed seed); the cost line is thread CPU time.
 */
public final class SpamBenchmark {
    private SpamBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path comments = Path.of(args.length > 0 ? args[0] : "../shared/data/spam/judol-comments-labelled.csv");
        Path news = Path.of(args.length > 1 ? args[1] : "../shared/data/news/detik-dev.csv");
        Path seed = Path.of(args.length > 2 ? args[2] : "../shared/seeds/002_a486465df6b7e698.txt");
        boolean verbose = args.length > 3 && args[3].equals("-v");
        SpamDetector detector = SpamDetector.load();

        List<String> heldSpam = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (LabelledComments.Example e : LabelledComments.read(comments)) {
            if (!LabelledComments.heldOut(e.id())) {
                continue;
            }
            boolean flagged = detector.analyze(List.of(e.text()), null).flagged();
            if (e.spam()) {
                heldSpam.add(e.text());
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                    if (verbose) {
                        System.out.println("FN comment: " + e.text().replace('\n', ' '));
                    }
                }
            } else if (flagged) {
                fp++;
                if (verbose) {
                    System.out.println("FP comment: " + e.text().replace('\n', ' '));
                }
            } else {
                tn++;
            }
        }
        double p = tp / (double) Math.max(1, tp + fp);
        double r = tp / (double) Math.max(1, tp + fn);
        System.out.printf(Locale.ROOT, "comments (held-out %d): P=%.4f R=%.4f F1=%.4f (tp=%d fp=%d fn=%d tn=%d)%n",
                tp + fp + fn + tn, p, r, 2 * p * r / Math.max(1e-9, p + r), tp, fp, fn, tn);

        List<List<String>> articles = articles(news);
        List<String> seo = seoParagraphs(seed);
        int clean = 0;
        int cleanFlagged = 0;
        for (List<String> a : articles) {
            SpamResult res = detector.analyze(a, null);
            clean++;
            if (res.flagged()) {
                cleanFlagged++;
                if (verbose) {
                    for (SpamSegmentResult s : res.segments()) {
                        System.out.println("FP article segment: " + s.score() + " " + s.reasons() + " " + s.text());
                    }
                }
            }
        }

        Random random = new Random(7);
        int injected = 0;
        int caught = 0;
        long spamTokens = 0;
        long spamRemoved = 0;
        long ownTokens = 0;
        long ownKept = 0;
        String[] kinds = {"comment-paragraph", "seo-paragraphs", "appended-comment"};
        Map<String, int[]> perKind = new HashMap<>();
        for (List<String> a : articles) {
            if (a.size() < 2) {
                continue;
            }
            String kind = kinds[random.nextInt(kinds.length)];
            List<String> spam = new ArrayList<>();
            List<String> paras = new ArrayList<>(a);
            int where = switch (random.nextInt(3)) {
                case 0 -> 0;
                case 1 -> paras.size() / 2;
                default -> paras.size();
            };
            if (kind.equals("seo-paragraphs") && !seo.isEmpty()) {
                int n = 1 + random.nextInt(Math.min(4, seo.size()));
                int from = random.nextInt(seo.size() - n + 1);
                List<String> block = seo.subList(from, from + n);
                spam.addAll(block);
                paras.addAll(where, block);
            } else {
                int n = 1 + random.nextInt(3);
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    String c = heldSpam.get(random.nextInt(heldSpam.size())).replace('\n', ' ').strip();
                    spam.add(c);
                    sb.append(sb.length() == 0 ? "" : " ").append(c);
                }
                if (kind.equals("appended-comment")) {
                    int target = Math.min(where, paras.size() - 1);
                    paras.set(target, paras.get(target) + " " + sb);
                } else {
                    paras.add(where, sb.toString());
                }
            }
            SpamResult res = detector.analyze(paras, null);
            injected++;
            int[] k = perKind.computeIfAbsent(kind, x -> new int[5]);
            k[0]++;
            if (res.flagged()) {
                caught++;
                k[1]++;
            } else if (verbose) {
                System.out.println("FN article (" + kind + "): " + spam);
            }
            Map<String, Integer> keptCounts = counts(String.join(" ", res.kept()));
            Map<String, Integer> ownCounts = counts(String.join(" ", a));
            Map<String, Integer> spamCounts = counts(String.join(" ", spam));
            long ownBefore = ownKept;
            long ownTotalBefore = ownTokens;
            for (Map.Entry<String, Integer> e : ownCounts.entrySet()) {
                ownTokens += e.getValue();
                ownKept += Math.min(e.getValue(), keptCounts.getOrDefault(e.getKey(), 0));
            }
            long before = spamRemoved;
            long beforeTotal = spamTokens;
            for (Map.Entry<String, Integer> e : spamCounts.entrySet()) {
                int leftover = Math.max(0, keptCounts.getOrDefault(e.getKey(), 0)
                        - ownCounts.getOrDefault(e.getKey(), 0));
                spamTokens += e.getValue();
                spamRemoved += e.getValue() - Math.min(e.getValue(), leftover);
            }
            k[2] += (int) (spamTokens - beforeTotal - (spamRemoved - before));
            k[3] += (int) (spamTokens - beforeTotal);
            k[4] += (int) ((ownTokens - ownTotalBefore) - (ownKept - ownBefore));
            if (verbose && ownKept - ownBefore < ownTokens - ownTotalBefore) {
                for (SpamSegmentResult sr : res.segments()) {
                    System.out.println("OWNLOSS (" + kind + "): " + sr.reasons() + " " + sr.text());
                }
            }
            if (verbose && spamRemoved - before < spamTokens - beforeTotal) {
                System.out.println("LEAK (" + kind + "): kept " + res.kept());
            }
        }
        double ap = caught / (double) Math.max(1, caught + cleanFlagged);
        System.out.printf(Locale.ROOT, "articles: clean=%d flagged=%d FPR=%.4f | injected=%d caught=%d recall=%.4f"
                        + " precision=%.4f%n", clean, cleanFlagged, cleanFlagged / (double) Math.max(1, clean),
                injected, caught, caught / (double) Math.max(1, injected), ap);
        perKind.forEach((kind, v) -> System.out.printf(Locale.ROOT,
                "  %-18s %d/%d caught, spam tokens left %d/%d, own tokens lost %d%n", kind, v[1], v[0], v[2], v[3],
                v[4]));
        System.out.printf(Locale.ROOT, "tokens: spam removed=%.4f own kept=%.4f%n",
                spamRemoved / (double) Math.max(1, spamTokens), ownKept / (double) Math.max(1, ownTokens));

        // cost: clean articles, warmed up
        long chars = 0;
        for (List<String> a : articles) {
            for (String s : a) {
                chars += s.length();
            }
        }
        for (int w = 0; w < 5; w++) {
            for (List<String> a : articles) {
                detector.analyze(a, null);
            }
        }
        int rounds = 10;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = mx.getCurrentThreadCpuTime();
        for (int w = 0; w < rounds; w++) {
            for (List<String> a : articles) {
                detector.analyze(a, null);
            }
        }
        double perArticleUs = (mx.getCurrentThreadCpuTime() - start) / 1000.0 / rounds / articles.size();
        double avgChars = chars / (double) articles.size();
        System.out.printf(Locale.ROOT, "cost (thread CPU time): %.1f us per article (avg %.0f chars) = %.1f us per 4 KB%n",
                perArticleUs, avgChars, perArticleUs * 4096 / avgChars);
    }

    /** Body paragraphs (one per line) of each article in the news CSV ({@code isi_berita} column). */
    static List<List<String>> articles(Path csv) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        int col = rows.get(0).indexOf("isi_berita");
        List<List<String>> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).size() <= col) {
                continue;
            }
            List<String> paras = new ArrayList<>();
            for (String line : rows.get(i).get(col).split("\n")) {
                if (!line.isBlank()) {
                    paras.add(line.strip());
                }
            }
            if (!paras.isEmpty()) {
                out.add(paras);
            }
        }
        return out;
    }

    /** The gambling SEO paragraphs at the end of the seed page (from the first one naming Singapore Pools). */
    static List<String> seoParagraphs(Path seed) throws IOException {
        if (!Files.exists(seed)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        boolean on = false;
        for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
            on |= line.startsWith("Singapore Pools");
            if (on && !line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> m = new HashMap<>();
        for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                m.merge(t, 1, Integer::sum);
            }
        }
        return m;
    }
}
