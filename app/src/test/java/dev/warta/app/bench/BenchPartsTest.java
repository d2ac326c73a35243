package dev.warta.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of {@code warta bench} that do not need a broker. */
class BenchPartsTest {
    @TempDir
    Path dir;

    @Test
    void shouldGenerateDistinctArticlesOfAboutTheRequestedSizeDeterministically() {
        ArticleGenerator g = new ArticleGenerator(1, 4000);
        ArticleGenerator same = new ArticleGenerator(1, 4000);

        ArticleGenerator.Article a = g.article(0);
        ArticleGenerator.Article b = g.article(1);
        ArticleGenerator.Article english = g.article(3);

        assertThat(a).isEqualTo(same.article(0));
        assertThat(a.body()).isNotEqualTo(b.body());
        assertThat(a.body().length()).isBetween(4000, 4600);
        assertThat(a.body()).startsWith(a.title()).contains("\n\n");
        assertThat(a.indonesian()).isTrue();
        assertThat(english.indonesian()).isFalse();
        assertThat(english.body()).contains(" the ");
    }

    @Test
    void shouldWrapTheArticleInPageCruftThatExtractionRemoves() {
        ArticleGenerator g = new ArticleGenerator(1, 4000);
        ArticleGenerator.Article a = g.article(5);
        String page = g.htmlPage(5);

        assertThat(g.title(5)).isEqualTo(a.title());
        assertThat(page).contains("<nav", "class=\"comment\"", "Berita Terkait", "ad-leaderboard");
        var extracted = new dev.warta.enrich.extract.HtmlExtractor().extract(page, "https://warta.example/berita/5");
        String lastParagraph = a.body().substring(a.body().lastIndexOf("\n\n") + 2);
        assertThat(extracted.title()).startsWith(a.title());
        assertThat(extracted.text()).contains(lastParagraph.substring(0, 60));
        assertThat(extracted.text()).doesNotContain("Berita Terkait", "Semoga cepat ditangani", "Promo akhir pekan");
    }

    @Test
    void shouldApplyStagePrefixedStreamsSettingsToThatStageOnly() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("sink:commit.interval.ms", "30");
        all.put("commit.interval.ms", "50");
        all.put("enrich:linger.ms", "1");

        assertThat(PipelineBench.stageSettings(all, "sink"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("commit.interval.ms", "30"));
        assertThat(PipelineBench.stageSettings(all, "enrich"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("commit.interval.ms", "50", "linger.ms", "1"));
    }

    @Test
    void shouldWriteHtmlPagesWhenAskedFor() {
        Corpus pages = Corpus.generate(dir.resolve("h"), 3, 1000, 9, 0, true);

        assertThat(pages.files()).isEqualTo(3);
        assertThat(dir.resolve("h").resolve("a0000000.html")).exists();
        assertThat(pages.bytes())
                .isGreaterThan(Corpus.generate(dir.resolve("t"), 3, 1000, 9, 0).bytes());
    }

    @Test
    void shouldWriteAGeneratedCorpusAndMeasureAGivenOne() {
        Corpus written = Corpus.generate(dir.resolve("c"), 5, 1000, 9, 0);
        Corpus read = Corpus.of(dir.resolve("c"));

        assertThat(read.files()).isEqualTo(5);
        assertThat(read.bytes()).isEqualTo(written.bytes()).isGreaterThan(5 * 1000);
    }

    @Test
    void shouldComputeNearestRankQuantilesAndMax() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 100; i >= 1; i--) {
            h.record(i);
        }
        for (int i = 0; i < 2000; i++) {
            h.record(5);
        }

        assertThat(h.count()).isEqualTo(2100);
        assertThat(h.quantile(0.5)).isEqualTo(5);
        // sorted: 1..4, 2001 fives, 6..100; rank ceil(0.99 * 2100) = 2079 is 2005 + (v - 5)
        assertThat(h.quantile(0.99)).isEqualTo(79);
        assertThat(h.max()).isEqualTo(100);
        assertThat(new LatencyHistogram().quantile(0.99)).isZero();
    }

    @Test
    void shouldReadThePeakResidentSetFromProcStatus() throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(
                status,
                "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t 1000 kB\n",
                StandardCharsets.UTF_8);

        assertThat(PeakMemory.vmHwm(status)).isEqualTo(123456L * 1024);
        assertThat(PeakMemory.vmHwm(dir.resolve("missing"))).isEqualTo(-1);
        assertThat(PeakMemory.parseKb(List.of("VmRSS: 1 kB"), "VmHWM:")).isEqualTo(-1);
    }

    @Test
    void shouldGroupThreadsByWhoRunsThem() {
        assertThat(ProcessCpu.group("warta-bench-enrich-1f2e-StreamThread-1")).isEqualTo("enrich stream threads");
        assertThat(ProcessCpu.group("data-plane-kafka-request-handler-0")).isEqualTo("broker");
        assertThat(ProcessCpu.group("kafka-producer-network-thread | warta-bench-sink-9a-StreamThread-1-producer"))
                .isEqualTo("clients' network threads");
        assertThat(ProcessCpu.group("main")).isEqualTo("other Java threads");
    }

    @Test
    void shouldPrintEveryFigureAsOneParsableJsonLine() throws Exception {
        Map<String, BenchReport.StepCost> steps = new LinkedHashMap<>();
        steps.put("language", new BenchReport.StepCost(123.44, 98.76, 10));
        BenchReport r = new BenchReport(
                1000,
                4_000_000,
                3,
                1,
                2.0,
                500,
                1.9,
                20000,
                6000.5,
                800,
                3.1,
                400,
                1.5,
                2.5,
                2.0,
                990,
                980,
                10,
                10,
                200,
                30,
                6000,
                120,
                480,
                900,
                steps,
                300L << 20,
                -1,
                "enrich+sink",
                "html",
                0.456,
                3.214,
                2.5,
                0.4,
                4.0,
                2.6,
                0.7,
                5000,
                700,
                350,
                new LinkedHashMap<>(Map.of("broker", 1.234)),
                2.857);

        String json = r.json();
        JsonNode node = new ObjectMapper().readTree(json);

        assertThat(json).doesNotContain("\n");
        assertThat(node.get("pipelineToBaselineRatio").asDouble()).isEqualTo(0.5);
        assertThat(node.get("latencyP99Ms").asLong()).isEqualTo(480);
        assertThat(node.get("sinkRecordsPerArticle").asDouble()).isEqualTo(2.86);
        assertThat(node.get("stepMeanMicros").get("language").asDouble()).isEqualTo(123.4);
        assertThat(node.get("stepCpuMicros").get("language").asDouble()).isEqualTo(98.8);
        assertThat(node.get("warmupArticles").asLong()).isEqualTo(5000);
        assertThat(node.get("pipelineCpuMsPerArticleByThreads").get("broker").asDouble())
                .isEqualTo(1.23);
        assertThat(node.get("coldPipelineArticlesPerSec").asDouble()).isEqualTo(350.0);
        assertThat(node.get("heapUsedMaxMb").asDouble()).isEqualTo(300.0);
        assertThat(node.get("vmHwmMb").isNull()).isTrue();
        assertThat(node.get("pipelineCpuMsPerArticle").asDouble()).isEqualTo(3.21);
        assertThat(node.get("corpusKind").asText()).isEqualTo("html");
        assertThat(node.get("sinkThreadsCpuMsPerArticle").asDouble()).isEqualTo(0.4);
        assertThat(node.get("latencySinkThreadsCpuMsPerArticle").asDouble()).isEqualTo(0.7);
        assertThat(r.table()).contains("pipeline / baseline").contains("0.500").contains("analyzer language");
    }
}
