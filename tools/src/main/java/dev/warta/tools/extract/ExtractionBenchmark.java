package dev.warta.tools.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.enrich.StepTimer;
import dev.warta.enrich.extract.HtmlExtractor;
import dev.warta.schemas.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Main-text benchmark through the product path: each page becomes a {@link RawArticle} with content type
 * {@code text/html} and goes through {@link Analysis#analyze}; its {@code text} (what {@code warta analyze} prints)
 * is compared with the expected body using the ScrapingHub article-extraction-benchmark metric: 4-gram
 * {@code \w+} token shingles (multiset), per page TP/FP/FN normalised to sum 1, precision averaged over pages with a
 * non-empty prediction, recall over pages with a non-empty truth, F1 of the two means.
 *
 * <p>Page sets (each argument is one directory; several may be given):
 * <ul>
 * <li>fundus layout: {@code <cc>/<Publisher>.json} (versions sorted) beside {@code <Publisher>_<date>.html.gz}
 *     (sorted, same count); the expected body is summary + section headlines + paragraphs;</li>
 * <li>ScrapingHub layout: {@code ground-truth.json} ({@code {id: {"articleBody": ...}}}) beside
 *     {@code html/<id>.html[.gz]}; the same layout holds pages labelled by hand.</li>
 * </ul>
 * Prints one line per page, then P / R / F1, empty outputs and the thread CPU time per page of the extraction
 * and cleaning steps ({@link Analysis.Step#EXTRACT} + {@link Analysis.Step#CLEAN}) in a pass after
 * {@code --warmup=N} (default 2) untimed passes, so that the JIT has compiled the hot code.
 *
 * {@code --raw} scores the HTML step alone ({@link HtmlExtractor}'s text, before the cleaner) to weigh what the
 * cleaner adds; {@code --dump=DIR} writes each page's extracted and expected text.
 *
 * <pre>
 * ./warta-tools extract ../shared/data/extract/fundus [MORE_DIRS] [--raw] [--dump=DIR] [--warmup=N] [--quiet]
 * </pre>
 */
public final class ExtractionBenchmark {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private record Page(String name, String html, String expected) {}

    private ExtractionBenchmark() {}

    /** Runs the benchmark over the page sets named in {@code args}. */
    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Path dump = null;
        boolean quiet = false;
        boolean raw = false;
        int warmup = 2;
        for (String a : args) {
            if (a.startsWith("--dump=")) {
                dump = Paths.get(a.substring("--dump=".length()));
            } else if (a.startsWith("--warmup=")) {
                warmup = Integer.parseInt(a.substring("--warmup=".length()));
            } else if (a.equals("--raw")) {
                raw = true;
            } else if (a.equals("--quiet")) {
                quiet = true;
            } else {
                dirs.add(Paths.get(a));
            }
        }
        if (dirs.isEmpty()) {
            dirs.add(Paths.get("../shared/data/extract/fundus"));
        }
        List<Page> pages = new ArrayList<>();
        for (Path dir : dirs) {
            if (Files.exists(dir.resolve("ground-truth.json"))) {
                pages.addAll(labelled(dir));
            } else {
                pages.addAll(fundus(dir));
            }
        }
        if (dump != null) {
            Files.createDirectories(dump);
        }
        AtomicLong cpu = new AtomicLong();
        AtomicLong[] on = {new AtomicLong()};
        StepTimer timer = new StepTimer() {
            @Override
            public void record(Analysis.Step step, long nanos) {}

            @Override
            public boolean measuresCpu() {
                return true;
            }

            @Override
            public void recordCpu(Analysis.Step step, long cpuNanos) {
                if (on[0].get() == 1 && (step == Analysis.Step.EXTRACT || step == Analysis.Step.CLEAN)) {
                    cpu.addAndGet(cpuNanos);
                }
            }
        };
        HtmlExtractor extractor = new HtmlExtractor();
        Analysis analysis = Analysis.standard(EnrichmentVersion.current(), timer);
        for (int r = 0; r < warmup; r++) {
            for (Page p : pages) {
                if (raw) {
                    extractor.extract(p.html(), null);
                } else {
                    analysis.analyze(raw(p));
                }
            }
        }
        on[0].set(1);
        List<double[]> tpFpFns = new ArrayList<>();
        int empty = 0;
        long bytes = 0;
        for (Page p : pages) {
            String text;
            if (raw) {
                long t0 = CPU.getCurrentThreadCpuTime();
                text = extractor.extract(p.html(), null).text();
                cpu.addAndGet(CPU.getCurrentThreadCpuTime() - t0);
            } else {
                text = analysis.analyze(raw(p)).getText();
            }
            bytes += p.html().length();
            double[] m = shingleMatch(p.expected(), text);
            tpFpFns.add(m);
            if (text.isBlank()) {
                empty++;
            }
            if (!quiet) {
                System.out.printf(
                        "%-50s P=%.3f R=%.3f%s%n", p.name(), precision(m), recall(m), text.isBlank() ? " EMPTY" : "");
            }
            if (dump != null) {
                String file = p.name().replaceAll("[^\\w.-]+", "_");
                Files.writeString(dump.resolve(file + ".got.txt"), text);
                Files.writeString(dump.resolve(file + ".want.txt"), p.expected());
            }
        }
        double[] prf = metrics(tpFpFns);
        int n = pages.size();
        System.out.printf("pages=%d precision=%.4f recall=%.4f F1=%.4f empty=%d%n", n, prf[0], prf[1], prf[2], empty);
        System.out.printf(
                "CPU ms/page (%s): %.2f; mean page %d KB%n",
                raw ? "extract" : "extract+clean", cpu.get() / 1e6 / Math.max(1, n), bytes / Math.max(1, n) / 1024);
    }

    private static RawArticle raw(Page p) {
        return RawArticle.newBuilder()
                .setId(p.name())
                .setUrl(null)
                .setSourceType("html")
                .setSource("benchmark")
                .setProvenance(p.name())
                .setFetchedAt(Instant.EPOCH)
                .setContentType("text/html")
                .setBody(p.html())
                .setTitle(null)
                .setContentHash(p.name())
                .setMetadata(Map.of())
                .build();
    }

    /** Pages in the fundus layout under {@code dir}. */
    private static List<Page> fundus(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> specs;
        try (Stream<Path> s = Files.walk(dir)) {
            specs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<Page> out = new ArrayList<>();
        for (Path spec : specs) {
            String publisher = spec.getFileName().toString().replace(".json", "");
            List<Path> files;
            try (Stream<Path> s = Files.list(spec.getParent())) {
                files = s.filter(p -> p.getFileName().toString().startsWith(publisher + "_")
                                && p.getFileName().toString().endsWith(".html.gz"))
                        .sorted()
                        .toList();
            }
            JsonNode root = json.readTree(spec.toFile());
            List<String> versions = new ArrayList<>();
            root.fieldNames().forEachRemaining(versions::add);
            versions.sort(null);
            if (versions.size() != files.size()) {
                continue;
            }
            for (int i = 0; i < files.size(); i++) {
                out.add(new Page(
                        dir.relativize(files.get(i)).toString(),
                        read(files.get(i)),
                        fundusBody(root.get(versions.get(i)).get("body"))));
            }
        }
        return out;
    }

    /** Pages in the ScrapingHub layout: {@code ground-truth.json} and {@code html/<id>.html[.gz]}. */
    private static List<Page> labelled(Path dir) throws IOException {
        JsonNode truth =
                new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
        List<String> ids = new ArrayList<>();
        truth.fieldNames().forEachRemaining(ids::add);
        ids.sort(null);
        List<Page> out = new ArrayList<>();
        for (String id : ids) {
            Path html = dir.resolve("html").resolve(id + ".html.gz");
            if (!Files.exists(html)) {
                html = dir.resolve("html").resolve(id + ".html");
            }
            if (Files.exists(html)) {
                out.add(new Page(
                        dir.getFileName() + "/" + id,
                        read(html),
                        truth.get(id).path("articleBody").asText("")));
            }
        }
        return out;
    }

    private static String read(Path p) throws IOException {
        try (InputStream in =
                p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fundusBody(JsonNode body) {
        List<String> parts = new ArrayList<>();
        for (JsonNode s : body.path("summary")) {
            parts.add(s.asText());
        }
        for (JsonNode section : body.path("sections")) {
            for (JsonNode h : section.path("headline")) {
                parts.add(h.asText());
            }
            for (JsonNode p : section.path("paragraphs")) {
                parts.add(p.asText());
            }
        }
        return String.join("\n\n", parts);
    }

    /** Mean precision (pages with TP+FP &gt; 0), mean recall (pages with TP+FN &gt; 0), F1 of the two means. */
    static double[] metrics(List<double[]> tpFpFns) {
        double sp = 0;
        int np = 0;
        double sr = 0;
        int nr = 0;
        for (double[] m : tpFpFns) {
            if (m[0] + m[1] > 0) {
                sp += precision(m);
                np++;
            }
            if (m[0] + m[2] > 0) {
                sr += recall(m);
                nr++;
            }
        }
        double p = np == 0 ? 0 : sp / np;
        double r = nr == 0 ? 0 : sr / nr;
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }

    private static double precision(double[] m) {
        if (m[1] == 0 && m[2] == 0) {
            return 1;
        }
        return m[0] + m[1] == 0 ? 0 : m[0] / (m[0] + m[1]);
    }

    private static double recall(double[] m) {
        if (m[1] == 0 && m[2] == 0) {
            return 1;
        }
        return m[0] + m[2] == 0 ? 0 : m[0] / (m[0] + m[2]);
    }

    /** TP, FP, FN of 4-gram token shingles (multiset), normalised so that they sum to 1. */
    static double[] shingleMatch(String truth, String pred) {
        Map<String, Integer> t = shingles(truth);
        Map<String, Integer> p = shingles(pred);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<String> all = new HashSet<>(t.keySet());
        all.addAll(p.keySet());
        for (Iterator<String> it = all.iterator(); it.hasNext(); ) {
            String k = it.next();
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double s = tp + fp + fn;
        return s > 0 ? new double[] {tp / s, fp / s, fn / s} : new double[] {0, 0, 0};
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - 3); i++) {
            String s = String.join(" ", tokens.subList(i, Math.min(tokens.size(), i + 4)));
            if (!s.isEmpty()) {
                out.merge(s, 1, Integer::sum);
            }
        }
        return out;
    }
}
