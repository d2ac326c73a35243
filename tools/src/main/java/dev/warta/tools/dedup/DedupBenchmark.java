package dev.warta.tools.dedup;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.enrich.Csv;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.dedup.LocalDeduplicator;
import dev.warta.sink.dedup.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates sink's near-duplicate detection on a news CSV: brute-force Jaccard of word 5-gram shingles over all
 * pairs (pairs at or above the threshold are the truth) against the sink's decisions (LSH + MinHash through
 * {@link LocalDeduplicator}, the topology's logic without Kafka), articles offered in file order. Prints
 * precision / recall of duplicate articles, of duplicate pairs (same predicted cluster) and the cost per
 * fingerprint.
 *
 * <pre>
 * ./warta-tools dedup [--csv ../shared/data/news/detik-dev.csv] [--column isi_berita] [--bands 20] [--rows 6] [--capacity 4] [--threshold 0.8]
 * </pre>
 */
public final class DedupBenchmark {
    private DedupBenchmark() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new HashMap<>(Map.of(
                "--csv",
                "../shared/data/news/detik-dev.csv",
                "--column",
                "isi_berita",
                "--bands",
                String.valueOf(SinkConfig.DEFAULT_BANDS),
                "--rows",
                String.valueOf(SinkConfig.DEFAULT_ROWS),
                "--capacity",
                "4",
                "--threshold",
                "0.8"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!opt.containsKey(args[i])) {
                System.err.println("unknown option " + args[i]);
                System.exit(2);
            }
            opt.put(args[i], args[i + 1]);
        }
        int bands = Integer.parseInt(opt.get("--bands"));
        int rows = Integer.parseInt(opt.get("--rows"));
        int capacity = Integer.parseInt(opt.get("--capacity"));
        double threshold = Double.parseDouble(opt.get("--threshold"));

        List<String> texts = readColumn(Path.of(opt.get("--csv")), opt.get("--column"));
        int n = texts.size();
        Fingerprinter fp = new Fingerprinter();

        // cost per fingerprint (textHash + minhash), after warm-up
        long chars = 0;
        for (String t : texts) {
            chars += t.length();
        }
        for (int round = 0; round < 20; round++) {
            for (String t : texts) {
                fp.textHash(t);
                fp.minhash(t);
            }
        }
        int rounds = 20;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                sink += fp.textHash(t).length() + fp.minhash(t).length;
            }
        }
        double nsPerArticle = (double) (cpu.getCurrentThreadCpuTime() - start) / (rounds * (long) n);
        start = cpu.getCurrentThreadCpuTime();
        for (int round = 0; round < rounds; round++) {
            for (String t : texts) {
                sink += fp.fingerprint(t).minhash().length;
            }
        }
        double nsPerFingerprint = (double) (cpu.getCurrentThreadCpuTime() - start) / (rounds * (long) n);
        double avgChars = (double) chars / n;

        int[][] sigs = new int[n][];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            sigs[i] = fp.minhash(texts.get(i));
            hashes[i] = fp.textHash(texts.get(i));
        }

        // truth: brute-force Jaccard of the shingle sets
        List<Set<String>> shingles = new ArrayList<>(n);
        for (String t : texts) {
            shingles.add(shingles(Fingerprinter.normalize(t)));
        }
        double[][] jac = new double[n][n];
        Set<Long> truePairs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = jaccard(shingles.get(i), shingles.get(j));
                jac[i][j] = v;
                jac[j][i] = v;
                if (v >= threshold) {
                    truePairs.add(pair(i, j));
                }
            }
        }

        // the sink's decisions, in file order
        LocalDeduplicator dedup = new LocalDeduplicator(bands, rows, threshold, capacity);
        String[] root = new String[n];
        Verdict[] verdicts = new Verdict[n];
        Map<String, Integer> index = new HashMap<>();
        long dstart = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            String id = "a" + i;
            index.put(id, i);
            verdicts[i] = dedup.offer(id, i, sigs[i], hashes[i]);
            root[i] = verdicts[i].duplicate() ? verdicts[i].duplicateOf() : id;
        }
        double nsPerDecision = (double) (cpu.getCurrentThreadCpuTime() - dstart) / n;

        // article level: a true duplicate has an earlier article at or above the threshold
        int tp = 0;
        int fp1 = 0;
        int fn = 0;
        int assignedOk = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double bestEarlier = 0;
            for (int j = 0; j < i; j++) {
                bestEarlier = Math.max(bestEarlier, jac[i][j]);
            }
            boolean truth = bestEarlier >= threshold;
            boolean pred = verdicts[i].duplicate();
            if (truth && pred) {
                tp++;
            } else if (pred) {
                fp1++;
                misses.add(String.format(
                        Locale.ROOT,
                        "false dup a%d -> %s est %.3f true best %.3f",
                        i,
                        verdicts[i].duplicateOf(),
                        verdicts[i].similarity(),
                        bestEarlier));
            } else if (truth) {
                fn++;
                misses.add(String.format(Locale.ROOT, "missed a%d true best earlier %.3f", i, bestEarlier));
            }
            if (pred && jac[i][index.get(verdicts[i].duplicateOf())] >= threshold) {
                assignedOk++;
            }
        }
        // pair level: two articles in the same predicted cluster
        int pairTp = 0;
        int predPairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (root[i].equals(root[j])) {
                    predPairs++;
                    if (truePairs.contains(pair(i, j))) {
                        pairTp++;
                    }
                }
            }
        }
        int predicted = tp + fp1;
        System.out.printf(
                Locale.ROOT,
                "articles %d, avg %.0f chars; LSH %d bands x %d rows, capacity %d, threshold %.2f%n",
                n,
                avgChars,
                bands,
                rows,
                capacity,
                threshold);
        System.out.printf(
                Locale.ROOT,
                "duplicate articles: truth %d, predicted %d, precision %.4f, recall %.4f%n",
                tp + fn,
                predicted,
                ratio(tp, predicted),
                ratio(tp, tp + fn));
        System.out.printf(
                Locale.ROOT,
                "duplicateOf with true Jaccard >= %.2f: %d of %d (%.4f)%n",
                threshold,
                assignedOk,
                predicted,
                ratio(assignedOk, predicted));
        System.out.printf(
                Locale.ROOT,
                "duplicate pairs: truth %d, predicted (same cluster) %d, precision %.4f, recall %.4f%n",
                truePairs.size(),
                predPairs,
                ratio(pairTp, predPairs),
                ratio(pairTp, truePairs.size()));
        System.out.printf(
                Locale.ROOT,
                "thread CPU time: textHash() + minhash() %.0f ns/article (%.0f ns per 4 KB), "
                        + "fingerprint() %.0f ns/article (%.0f ns per 4 KB)%n",
                nsPerArticle,
                nsPerArticle * 4096 / avgChars,
                nsPerFingerprint,
                nsPerFingerprint * 4096 / avgChars);
        System.out.printf(
                Locale.ROOT,
                "decision: %.0f ns/article, %.1f bucket comparisons/article, %d buckets%n",
                nsPerDecision,
                (double) dedup.comparisons() / n,
                dedup.buckets());
        dev.warta.sink.dedup.Lsh lsh = new dev.warta.sink.dedup.Lsh(bands, rows);
        System.out.printf(
                Locale.ROOT,
                "LSH candidate probability: J=0.5 %.3f, 0.7 %.3f, 0.8 %.4f, 0.9 %.6f%n",
                lsh.candidateProbability(0.5),
                lsh.candidateProbability(0.7),
                lsh.candidateProbability(0.8),
                lsh.candidateProbability(0.9));
        misses.stream().limit(20).forEach(System.out::println);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static long pair(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    private static Set<String> shingles(String normalized) {
        String[] w = normalized.isEmpty() ? new String[0] : normalized.split(" ");
        Set<String> out = new HashSet<>();
        int k = Math.min(Fingerprinter.SHINGLE, w.length);
        for (int i = 0; k > 0 && i + k <= w.length; i++) {
            out.add(String.join(" ", Arrays.copyOfRange(w, i, i + k)));
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0.0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int inter = 0;
        for (String s : small) {
            if (large.contains(s)) {
                inter++;
            }
        }
        return (double) inter / (a.size() + b.size() - inter);
    }

    /** One column of an RFC 4180 CSV file (quoted fields may span lines). */
    static List<String> readColumn(Path csv, String column) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        int col = rows.get(0).indexOf(column);
        if (col < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + csv + ": " + rows.get(0));
        }
        List<String> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            out.add(col < r.size() ? r.get(col) : "");
        }
        return out;
    }
}
