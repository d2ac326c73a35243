package dev.warta.tools.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.enrich.clean.Cleaned;
import dev.warta.enrich.clean.TextCleaner;
import dev.warta.enrich.extract.DateParser;
import dev.warta.enrich.extract.Extracted;
import dev.warta.enrich.extract.HtmlExtractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Main-text benchmark on the fundus test pages: for each {@code <cc>/<Publisher>.json} (versions {@code V1},
 * {@code V1_1}, ... sorted) and its {@code <Publisher>_<date>.html.gz} pages (sorted by name, same count), compares
 * the extracted text (after {@link TextCleaner}) with the expected body (summary, section headlines and paragraphs)
 * using the ScrapingHub article-extraction-benchmark metric: 4-gram word-shingle multiset precision / recall / F1.
 * Prints one line per page, then the means and the CPU time per page (thread CPU time, so other load on the
 * machine matters less) for extraction, for a bare jsoup parse of the same page (the floor), and for cleaning.
 *
 * <pre>
 * ./warta-tools extract ../shared/data/extract/fundus [--raw] [--lang=en]
 * </pre>
 * {@code --raw} scores the extractor alone (no cleaning); {@code --lang=xx} keeps only pages whose
 * {@code <html lang>} starts with that language code.
 */
public final class ExtractionBenchmark {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private ExtractionBenchmark() {
    }

    /** Runs the benchmark; {@code args[0]} is the fundus directory (default {@code ../shared/data/extract/fundus}). */
    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/extract/fundus");
        boolean raw = false;
        String lang = null;
        for (int a = 1; a < args.length; a++) {
            if (args[a].equals("--raw")) {
                raw = true;
            } else if (args[a].startsWith("--lang=")) {
                lang = args[a].substring("--lang=".length()).toLowerCase(java.util.Locale.ROOT);
            }
        }
        ObjectMapper json = new ObjectMapper();
        HtmlExtractor extractor = new HtmlExtractor();
        TextCleaner cleaner = new TextCleaner();
        List<Path> specs;
        try (Stream<Path> s = Files.walk(dir)) {
            specs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        List<String> htmls = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        List<JsonNode> specsByPage = new ArrayList<>();
        for (Path spec : specs) {
            String publisher = spec.getFileName().toString().replace(".json", "");
            List<Path> pages;
            try (Stream<Path> s = Files.list(spec.getParent())) {
                pages = s.filter(p -> p.getFileName().toString().startsWith(publisher + "_")
                        && p.getFileName().toString().endsWith(".html.gz")).sorted().toList();
            }
            JsonNode root = json.readTree(spec.toFile());
            List<String> versions = new ArrayList<>();
            root.fieldNames().forEachRemaining(versions::add);
            versions.sort(null);
            if (versions.size() != pages.size()) {
                continue;
            }
            for (int i = 0; i < pages.size(); i++) {
                String html = gunzip(pages.get(i));
                if (lang != null && !lang.equals(htmlLang(html))) {
                    continue;
                }
                names.add(dir.relativize(pages.get(i)).toString());
                htmls.add(html);
                expected.add(body(root.get(versions.get(i)).get("body")));
                specsByPage.add(root.get(versions.get(i)));
            }
        }
        // warm-up, then timed pass
        for (int r = 0; r < 3; r++) {
            for (String h : htmls) {
                cleaner.clean(null, extractor.extract(h, null).text());
            }
        }
        double sp = 0;
        double sr = 0;
        double sf = 0;
        long extractNanos = 0;
        long cleanNanos = 0;
        long parseNanos = 0;
        long bytes = 0;
        int datesExpected = 0;
        int datesRight = 0;
        int datesWrong = 0;
        int titlesRight = 0;
        for (int i = 0; i < htmls.size(); i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            org.jsoup.Jsoup.parse(htmls.get(i));
            long t1 = CPU.getCurrentThreadCpuTime();
            Extracted e = extractor.extract(htmls.get(i), null);
            long t2 = CPU.getCurrentThreadCpuTime();
            Cleaned c = cleaner.clean(e.title(), e.text());
            long t3 = CPU.getCurrentThreadCpuTime();
            parseNanos += t1 - t0;
            extractNanos += t2 - t1;
            cleanNanos += t3 - t2;
            bytes += htmls.get(i).length();
            String text = raw ? e.text() : c.text();
            JsonNode spec = specsByPage.get(i);
            String wantDate = spec.path("publishing_date").asText(null);
            if (wantDate != null) {
                datesExpected++;
                String got = e.publishedAt() != null ? e.publishedAt() : c.publishedAt();
                String want = DateParser.parseMachine(wantDate);
                if (got != null && want != null
                        && java.time.OffsetDateTime.parse(got).toInstant().equals(java.time.OffsetDateTime.parse(want).toInstant())) {
                    datesRight++;
                } else if (got != null) {
                    datesWrong++;
                    System.out.printf("  date mismatch %s: got %s (%s) want %s%n", names.get(i), got,
                            e.publishedAt() != null ? e.publishedAtRule() : "text:" + c.publishedAtRule(), want);
                }
            }
            String wantTitle = spec.path("title").asText("");
            if (e.title() != null && e.title().strip().equalsIgnoreCase(wantTitle.strip())) {
                titlesRight++;
            }
            double[] prf = shingleMatch(expected.get(i), text);
            sp += prf[0];
            sr += prf[1];
            sf += prf[2];
            System.out.printf("%-45s P=%.3f R=%.3f F1=%.3f%n", names.get(i), prf[0], prf[1], prf[2]);
        }
        int n = htmls.size();
        double mp = sp / n;
        double mr = sr / n;
        System.out.printf("pages=%d meanP=%.4f meanR=%.4f meanF1=%.4f F1(meanP,meanR)=%.4f%n", n, mp, mr, sf / n,
                2 * mp * mr / (mp + mr));
        System.out.printf("title exact=%d/%d; publishedAt same instant=%d/%d, other instant=%d, none=%d%n", titlesRight, n,
                datesRight, datesExpected, datesWrong, datesExpected - datesRight - datesWrong);
        System.out.printf("CPU ms/page: extract=%.2f (of which jsoup parse alone=%.2f) clean=%.3f; mean page %d KB%n",
                extractNanos / 1e6 / n, parseNanos / 1e6 / n, cleanNanos / 1e6 / n, bytes / n / 1024);
    }

    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*?\\blang=[\"']?([a-zA-Z]{2})",
            Pattern.CASE_INSENSITIVE);

    /** The two-letter language of the {@code <html lang>} attribute (first 20,000 characters), or "". */
    private static String htmlLang(String html) {
        Matcher m = HTML_LANG.matcher(html.length() > 20_000 ? html.substring(0, 20_000) : html);
        return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
    }

    private static String gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(JsonNode body) {
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

    /** Precision, recall, F1 of 4-gram word shingles (multiset), as in article-extraction-benchmark. */
    static double[] shingleMatch(String truth, String pred) {
        Map<String, Integer> t = shingles(truth);
        Map<String, Integer> p = shingles(pred);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Map<String, Integer> all = new HashMap<>(t);
        p.forEach((k, v) -> all.putIfAbsent(k, 0));
        for (Iterator<String> it = all.keySet().iterator(); it.hasNext();) {
            String k = it.next();
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double precision = tp + fp == 0 ? 1 : tp / (tp + fp);
        double recall = tp + fn == 0 ? 1 : tp / (tp + fn);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
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
