package dev.warta.tools.spam;

import dev.warta.enrich.Analysis;
import dev.warta.enrich.Csv;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.enrich.StepTimer;
import dev.warta.enrich.spam.LabelledComments;
import dev.warta.enrich.spam.SyntheticSpam;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.SpamSegment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures spam handling through the product path ({@link Analysis#analyze}, as {@code warta analyze} does):
 * <ul>
 * <li>injected articles: clean news articles with spam injected at the start, middle or end (held-out spam comments,
 *     generated SEO paragraphs naming invented and obfuscated brands, SEO plus a sales-voice paragraph without
 *     gambling words, spam appended to a story paragraph): article precision / recall, the share of spam tokens
 *     removed and of story tokens kept (against the same article analysed without injection);</li>
 * <li>clean articles: the share flagged;</li>
 * <li>comments: the held-out labelled comments fed as {@code {"title":"","text":…}} items: P / R / F1, and whether
 *     every comment keeps its text;</li>
 * <li>gambling news (hand-written reports quoting site names and slogans, Indonesian / English / Malay): flagged
 *     or cut;</li>
 * <li>CPU of the spam step per 4 KB of article text.</li>
 * </ul>
 * Articles are split by a hash of their URL into {@code dev} and {@code test}; comments use the trainer's held-out
 * fifth. The gambling reports default to the enrich test fixture (run from the repository root). Deterministic
 * (fixed seed).
 *
 * <pre>
 * ./warta-tools spam [--split dev|test|all] [--data ../shared/data] [--reports FILE] [-v]
 * </pre>
 */
public final class SpamEvaluation {
    private final Analysis analysis;
    private final AtomicLong spamCpu = new AtomicLong();
    private final boolean verbose;

    private SpamEvaluation(boolean verbose) {
        StepTimer timer = new StepTimer() {
            @Override
            public void record(Analysis.Step step, long nanos) {}

            @Override
            public boolean measuresCpu() {
                return true;
            }

            @Override
            public void recordCpu(Analysis.Step step, long cpuNanos) {
                if (step == Analysis.Step.SPAM) {
                    spamCpu.addAndGet(cpuNanos);
                }
            }
        };
        this.analysis = Analysis.standard(EnrichmentVersion.current(), timer);
        this.verbose = verbose;
    }

    public static void main(String[] args) throws IOException {
        String split = "dev";
        Path data = Path.of("../shared/data");
        boolean verbose = false;
        Path reports = Path.of("enrich/src/test/resources/dev/warta/enrich/spam/gambling-news.txt");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> split = args[++i];
                case "--data" -> data = Path.of(args[++i]);
                case "--reports" -> reports = Path.of(args[++i]);
                case "-v" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new SpamEvaluation(verbose).run(data, split, reports);
    }

    private void run(Path data, String split, Path reports) throws IOException {
        Map<String, Double> figures = new LinkedHashMap<>();
        List<LabelledComments.Example> comments =
                LabelledComments.read(data.resolve("spam/judol-comments-labelled.csv"));
        comments(comments, figures);
        List<Article> articles = articles(data.resolve("news/detik-dev.csv"), split);
        injected(articles, comments, figures);
        gamblingNews(reports, figures);
        for (Map.Entry<String, Double> e : figures.entrySet()) {
            System.out.printf(Locale.ROOT, "%-34s %.4f%n", e.getKey(), e.getValue());
        }
    }

    /** A clean news article: title and paragraphs. */
    private record Article(String title, List<String> paragraphs) {}

    private void comments(List<LabelledComments.Example> comments, Map<String, Double> figures) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int n = 0;
        int emptied = 0;
        int changed = 0;
        for (LabelledComments.Example e : comments) {
            if (!LabelledComments.heldOut(e.id()) || e.text().isBlank()) {
                continue;
            }
            n++;
            EnrichedArticle out = analysis.analyze(raw("", e.text(), "jsonl"));
            boolean flagged = out.getSpam().getFlagged();
            tp += flagged && e.spam() ? 1 : 0;
            fp += flagged && !e.spam() ? 1 : 0;
            fn += !flagged && e.spam() ? 1 : 0;
            if (out.getText().isBlank()) {
                emptied++;
            }
            if (!flagged && !squash(out.getText()).equals(squash(e.text()))) {
                changed++;
                if (verbose) {
                    System.out.println("CHANGED comment: " + e.text().replace('\n', ' ') + " -> " + out.getText());
                }
            }
            if (verbose && flagged != e.spam()) {
                System.out.println(
                        (flagged ? "FP" : "FN") + " comment: " + e.text().replace('\n', ' '));
            }
        }
        double p = tp / (double) Math.max(1, tp + fp);
        double r = tp / (double) Math.max(1, tp + fn);
        figures.put("comments.count", (double) n);
        figures.put("comments.precision", p);
        figures.put("comments.recall", r);
        figures.put("comments.f1", 2 * p * r / Math.max(1e-9, p + r));
        figures.put("comments.text-emptied", (double) emptied);
        figures.put("comments.clean-text-changed", (double) changed);
    }

    private void injected(
            List<Article> articles, List<LabelledComments.Example> comments, Map<String, Double> figures) {
        List<String> spamComments = new ArrayList<>();
        for (LabelledComments.Example e : comments) {
            if (LabelledComments.heldOut(e.id()) && e.spam() && e.text().strip().length() >= 20) {
                spamComments.add(e.text().strip());
            }
        }
        Random random = new Random(7);
        SyntheticSpam synthetic = new SyntheticSpam(random, SyntheticSpam.Set.EVAL);
        String[] kinds = {"comment", "seo", "seo+sales", "appended", "link-list"};
        String[] places = {"start", "middle", "end"};
        int clean = 0;
        int cleanFlagged = 0;
        int injected = 0;
        int caught = 0;
        long spamTokens = 0;
        long spamLeft = 0;
        long storyTokens = 0;
        long storyLost = 0;
        long chars = 0;
        long cpuBefore = spamCpu.get();
        Map<String, int[]> perKind = new LinkedHashMap<>();
        int k = 0;
        long cleanCpu = 0;
        for (Article a : articles) {
            long c0 = spamCpu.get();
            EnrichedArticle base = analysis.analyze(raw(a.title(), page(a.title(), a.paragraphs()), "text"));
            cleanCpu += spamCpu.get() - c0;
            chars += String.join("\n\n", a.paragraphs()).length();
            clean++;
            if (base.getSpam().getFlagged()) {
                cleanFlagged++;
                if (verbose) {
                    System.out.println("FLAGGED clean: " + a.title() + " " + segments(base));
                }
            }
            String kind = kinds[k % kinds.length];
            String place = places[(k / kinds.length) % places.length];
            k++;
            List<String> spam = new ArrayList<>();
            switch (kind) {
                case "comment" -> spam.add(spamComments.get(random.nextInt(spamComments.size())));
                case "seo" -> {
                    String brand = synthetic.brand();
                    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                        spam.add(synthetic.seo(brand));
                    }
                }
                case "seo+sales" -> {
                    String brand = synthetic.brand();
                    spam.add(synthetic.seo(brand));
                    spam.add(synthetic.sales());
                    if (random.nextBoolean()) {
                        Object[] two = {spam.get(1), spam.get(0)};
                        spam.set(0, (String) two[0]);
                        spam.set(1, (String) two[1]);
                    }
                }
                case "link-list" -> {
                    for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
                        spam.add(synthetic.obfuscate(synthetic.brand()) + (random.nextBoolean() ? " login" : ""));
                    }
                }
                default ->
                    spam.add(
                            random.nextBoolean()
                                    ? synthetic.seo(synthetic.brand())
                                    : spamComments.get(random.nextInt(spamComments.size())));
            }
            List<String> paragraphs = new ArrayList<>(a.paragraphs());
            int at = switch (place) {
                case "start" -> 0;
                case "middle" -> paragraphs.size() / 2;
                default -> paragraphs.size();
            };
            if (kind.equals("appended")) {
                int host = Math.min(Math.max(0, at - (place.equals("end") ? 1 : 0)), paragraphs.size() - 1);
                String text = place.equals("start")
                        ? spam.get(0) + " " + paragraphs.get(host)
                        : paragraphs.get(host) + " " + spam.get(0);
                paragraphs.set(host, text);
            } else {
                paragraphs.addAll(at, spam);
            }
            EnrichedArticle out = analysis.analyze(raw(a.title(), page(a.title(), paragraphs), "text"));
            injected++;
            int[] kc = perKind.computeIfAbsent(kind + "@" + place, x -> new int[2]);
            kc[0]++;
            if (out.getSpam().getFlagged()) {
                caught++;
                kc[1]++;
            } else if (verbose) {
                System.out.println("MISSED " + kind + "@" + place + ": " + spam);
            }
            Map<String, Integer> before = counts(base.getText());
            Map<String, Integer> after = counts(out.getText());
            Map<String, Integer> spamCounts = counts(String.join(" ", spam));
            long lost = 0;
            for (Map.Entry<String, Integer> e : before.entrySet()) {
                storyTokens += e.getValue();
                lost += Math.max(0, e.getValue() - after.getOrDefault(e.getKey(), 0));
            }
            storyLost += lost;
            long left = 0;
            for (Map.Entry<String, Integer> e : spamCounts.entrySet()) {
                spamTokens += e.getValue();
                left += Math.min(
                        e.getValue(),
                        Math.max(0, after.getOrDefault(e.getKey(), 0) - before.getOrDefault(e.getKey(), 0)));
            }
            spamLeft += left;
            if (verbose && lost > 0) {
                System.out.println("STORY LOST " + lost + " (" + kind + "@" + place + "): " + segments(out));
            }
            if (verbose && left > 0 && out.getSpam().getFlagged()) {
                System.out.println("SPAM LEFT " + left + " (" + kind + "@" + place + "): " + spam);
            }
        }
        long cpu = spamCpu.get() - cpuBefore;
        figures.put("articles.clean", (double) clean);
        figures.put("articles.clean-flagged-rate", cleanFlagged / (double) Math.max(1, clean));
        figures.put("articles.injected", (double) injected);
        figures.put("articles.recall", caught / (double) Math.max(1, injected));
        figures.put("articles.precision", caught / (double) Math.max(1, caught + cleanFlagged));
        figures.put("tokens.spam-removed", 1 - spamLeft / (double) Math.max(1, spamTokens));
        figures.put("tokens.story-kept", 1 - storyLost / (double) Math.max(1, storyTokens));
        figures.put("cpu.spam-ms-per-4kb", cpu / 1e6 / Math.max(1.0, 2.0 * chars / 4096.0));
        // the spam step on clean articles once more, warm (what warta bench sees in a long run)
        for (int round = 0; round < 2; round++) {
            cleanCpu = spamCpu.get();
            for (Article a : articles) {
                analysis.analyze(raw(a.title(), page(a.title(), a.paragraphs()), "text"));
            }
            cleanCpu = spamCpu.get() - cleanCpu;
        }
        figures.put("cpu.spam-ms-per-4kb-clean", cleanCpu / 1e6 / Math.max(1.0, chars / 4096.0));
        for (Map.Entry<String, int[]> e : perKind.entrySet()) {
            figures.put("recall." + e.getKey(), e.getValue()[1] / (double) Math.max(1, e.getValue()[0]));
        }
    }

    private void gamblingNews(Path reports, Map<String, Double> figures) throws IOException {
        String all = Files.readString(reports, StandardCharsets.UTF_8);
        int n = 0;
        int flagged = 0;
        for (String article : all.split("\n---\n")) {
            String t = article.strip();
            String title = t.lines().findFirst().orElse("");
            EnrichedArticle out = analysis.analyze(raw(title, t, "text"));
            n++;
            if (out.getSpam().getFlagged()) {
                flagged++;
                if (verbose) {
                    System.out.println("FLAGGED news: " + title + " " + segments(out));
                }
            }
        }
        figures.put("gambling-news.count", (double) n);
        figures.put("gambling-news.flagged", (double) flagged);
    }

    private static List<Article> articles(Path csv, String split) throws IOException {
        List<List<String>> rows = Csv.read(csv);
        List<Article> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            if (r.size() < 5 || !seen.add(r.get(4))) {
                continue;
            }
            boolean test = (r.get(2).hashCode() & 1) == 1;
            if (split.equals("dev") && test || split.equals("test") && !test) {
                continue;
            }
            List<String> paragraphs = new ArrayList<>();
            for (String p : r.get(4).split("\n")) {
                if (!p.isBlank()) {
                    paragraphs.add(p.strip());
                }
            }
            if (!paragraphs.isEmpty()) {
                out.add(new Article(r.get(1).strip(), paragraphs));
            }
        }
        return out;
    }

    private static String page(String title, List<String> paragraphs) {
        return title + "\n\n" + String.join("\n\n", paragraphs);
    }

    private static RawArticle raw(String title, String body, String sourceType) {
        return RawArticle.newBuilder()
                .setId(Integer.toHexString(body.hashCode()))
                .setUrl(null)
                .setOriginalUrl(null)
                .setSourceType(sourceType)
                .setSource("eval")
                .setProvenance("eval")
                .setFetchedAt(Instant.EPOCH)
                .setContentType("text/plain")
                .setCharset(null)
                .setBody(body)
                .setTitle(title)
                .setPublishedAt(null)
                .setLanguageHint(null)
                .setContentOrigin("page")
                .setFetchError(null)
                .setContentHash("")
                .setMetadata(new HashMap<>())
                .build();
    }

    private static String segments(EnrichedArticle a) {
        List<String> out = new ArrayList<>();
        for (SpamSegment s : a.getSpam().getSegments()) {
            out.add(s.getReasons() + " " + s.getText());
        }
        return out.toString();
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
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
