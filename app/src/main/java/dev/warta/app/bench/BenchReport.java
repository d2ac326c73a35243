package dev.warta.app.bench;

import dev.warta.app.metrics.Json;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every figure of a {@code warta bench} run, as a table and as one JSON line. {@code corpusKind}: {@code text}
 * or {@code html} (generated) or {@code files} (the user's); the CPU figures are process CPU (broker, JIT and
 * GC included) per article while the baseline or the pipeline ran, and the CPU of each stage's own threads
 * (stream threads and their producers) per article; the {@code latency*Cpu} ones are the same during the
 * steady-rate latency phase (where commits cover few articles each). Throughputs and CPU figures are those after
 * the first {@code warmupArticles} output records (JIT warm-up); the {@code cold*} throughputs cover every record.
 * {@code pipelineCpuBreakdown}: the pipeline's process CPU ms per article by thread group (stages, broker, clients,
 * GC and JIT).
 */
public record BenchReport(
        long articles,
        long corpusBytes,
        int partitions,
        int threads,
        double ingestSeconds,
        double ingestArticlesPerSec,
        double ingestMbPerSec,
        long smallFiles,
        double smallIngestPerSec,
        double baselineArticlesPerSec,
        double baselineMbPerSec,
        double pipelineArticlesPerSec,
        double pipelineMbPerSec,
        double pipelineSeconds,
        double enrichSeconds,
        long enriched,
        long clean,
        long filtered,
        long deadLetters,
        int latencyRate,
        double latencySeconds,
        long latencyCount,
        long latencyP50Ms,
        long latencyP99Ms,
        long latencyMaxMs,
        Map<String, StepCost> steps,
        long heapUsedMaxBytes,
        long vmHwmBytes,
        String stages,
        String corpusKind,
        double baselineCpuMsPerArticle,
        double pipelineCpuMsPerArticle,
        double enrichThreadsCpuMsPerArticle,
        double sinkThreadsCpuMsPerArticle,
        double latencyCpuMsPerArticle,
        double latencyEnrichCpuMsPerArticle,
        double latencySinkCpuMsPerArticle,
        long warmupArticles,
        double coldBaselineArticlesPerSec,
        double coldPipelineArticlesPerSec,
        Map<String, Double> pipelineCpuBreakdown,
        double sinkRecordsPerArticle) {

    /** Mean wall-clock and thread-CPU microseconds of one analyzer per call, and the number of calls. */
    public record StepCost(double meanMicros, double cpuMicros, long count) {}

    /** Pipeline throughput as a fraction of the pass-through baseline. */
    public double ratio() {
        return baselineArticlesPerSec <= 0 ? 0 : pipelineArticlesPerSec / baselineArticlesPerSec;
    }

    /** A human-readable table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        row(
                sb,
                "corpus",
                String.format(
                        Locale.ROOT,
                        "%d %s articles, %.1f MB (avg %d B), %d partitions, %d stream threads",
                        articles,
                        corpusKind,
                        mb(corpusBytes),
                        articles == 0 ? 0 : corpusBytes / articles,
                        partitions,
                        threads));
        row(
                sb,
                "ingest (corpus files -> news.raw)",
                String.format(
                        Locale.ROOT,
                        "%.0f articles/s, %.1f MB/s (%.1f s)",
                        ingestArticlesPerSec,
                        ingestMbPerSec,
                        ingestSeconds));
        row(
                sb,
                "ingest small text files",
                String.format(Locale.ROOT, "%.0f articles/s (%d files)", smallIngestPerSec, smallFiles));
        row(
                sb,
                "baseline pass-through (Avro, EOS v2)",
                String.format(
                        Locale.ROOT,
                        "%.0f articles/s, %.1f MB/s, %.2f CPU ms/article",
                        baselineArticlesPerSec,
                        baselineMbPerSec,
                        baselineCpuMsPerArticle));
        row(
                sb,
                "pipeline (" + stages + ")",
                String.format(
                        Locale.ROOT,
                        "%.0f articles/s, %.1f MB/s (%.1f s), %.2f CPU ms/article",
                        pipelineArticlesPerSec,
                        pipelineMbPerSec,
                        pipelineSeconds,
                        pipelineCpuMsPerArticle));
        row(
                sb,
                "  measured after",
                String.format(
                        Locale.ROOT,
                        "%d warm-up articles (over all: baseline %.0f/s, pipeline %.0f/s)",
                        warmupArticles,
                        coldBaselineArticlesPerSec,
                        coldPipelineArticlesPerSec));
        row(
                sb,
                "  CPU ms/article of stage threads",
                String.format(
                        Locale.ROOT,
                        "enrich %.2f, sink %.2f",
                        enrichThreadsCpuMsPerArticle,
                        sinkThreadsCpuMsPerArticle));
        pipelineCpuBreakdown.forEach(
                (group, ms) -> row(sb, "    " + group, String.format(Locale.ROOT, "%.2f CPU ms/article", ms)));
        row(sb, "  of which enrich done after", String.format(Locale.ROOT, "%.1f s (from stage start)", enrichSeconds));
        row(
                sb,
                "  sink Kafka records per article",
                String.format(Locale.ROOT, "%.2f (outputs, changelogs, repartition topics)", sinkRecordsPerArticle));
        row(sb, "pipeline / baseline", String.format(Locale.ROOT, "%.3f", ratio()));
        row(
                sb,
                "outputs",
                String.format(
                        Locale.ROOT,
                        "enriched %d, clean %d, filtered %d, dead letters %d",
                        enriched,
                        clean,
                        filtered,
                        deadLetters));
        row(
                sb,
                "latency ingest -> output",
                String.format(
                        Locale.ROOT,
                        "p50 %d ms, p99 %d ms, max %d ms (%d articles at %d/s for %.0f s)",
                        latencyP50Ms,
                        latencyP99Ms,
                        latencyMaxMs,
                        latencyCount,
                        latencyRate,
                        latencySeconds));
        row(
                sb,
                "  CPU ms/article at that rate",
                String.format(
                        Locale.ROOT,
                        "%.2f (enrich threads %.2f, sink threads %.2f)",
                        latencyCpuMsPerArticle,
                        latencyEnrichCpuMsPerArticle,
                        latencySinkCpuMsPerArticle));
        steps.forEach((name, cost) -> row(
                sb,
                "  analyzer " + name,
                String.format(
                        Locale.ROOT,
                        "%.1f us CPU, %.1f us wall mean (%d calls)",
                        cost.cpuMicros(),
                        cost.meanMicros(),
                        cost.count())));
        row(sb, "peak heap used", String.format(Locale.ROOT, "%.0f MB", mb(heapUsedMaxBytes)));
        row(
                sb,
                "peak RSS (VmHWM, broker included)",
                vmHwmBytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", mb(vmHwmBytes)));
        return sb.toString();
    }

    /** One JSON object on one line with every figure. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articles", articles);
        m.put("corpusBytes", corpusBytes);
        m.put("partitions", partitions);
        m.put("threads", threads);
        m.put("stages", stages);
        m.put("corpusKind", corpusKind);
        m.put("ingestArticlesPerSec", r1(ingestArticlesPerSec));
        m.put("ingestMbPerSec", r1(ingestMbPerSec));
        m.put("ingestSeconds", r1(ingestSeconds));
        m.put("smallFiles", smallFiles);
        m.put("smallIngestArticlesPerSec", r1(smallIngestPerSec));
        m.put("baselineArticlesPerSec", r1(baselineArticlesPerSec));
        m.put("baselineMbPerSec", r1(baselineMbPerSec));
        m.put("pipelineArticlesPerSec", r1(pipelineArticlesPerSec));
        m.put("pipelineMbPerSec", r1(pipelineMbPerSec));
        m.put("pipelineSeconds", r1(pipelineSeconds));
        m.put("enrichDoneSeconds", r1(enrichSeconds));
        m.put("pipelineToBaselineRatio", Math.round(ratio() * 1000) / 1000.0);
        m.put("warmupArticles", warmupArticles);
        m.put("coldBaselineArticlesPerSec", r1(coldBaselineArticlesPerSec));
        m.put("coldPipelineArticlesPerSec", r1(coldPipelineArticlesPerSec));
        m.put("baselineCpuMsPerArticle", r2(baselineCpuMsPerArticle));
        m.put("pipelineCpuMsPerArticle", r2(pipelineCpuMsPerArticle));
        m.put("enrichThreadsCpuMsPerArticle", r2(enrichThreadsCpuMsPerArticle));
        m.put("sinkThreadsCpuMsPerArticle", r2(sinkThreadsCpuMsPerArticle));
        m.put("sinkRecordsPerArticle", r2(sinkRecordsPerArticle));
        m.put("enriched", enriched);
        m.put("clean", clean);
        m.put("filtered", filtered);
        m.put("deadLetters", deadLetters);
        m.put("latencyRate", latencyRate);
        m.put("latencySeconds", r1(latencySeconds));
        m.put("latencyCount", latencyCount);
        m.put("latencyP50Ms", latencyP50Ms);
        m.put("latencyP99Ms", latencyP99Ms);
        m.put("latencyMaxMs", latencyMaxMs);
        m.put("latencyCpuMsPerArticle", r2(latencyCpuMsPerArticle));
        m.put("latencyEnrichThreadsCpuMsPerArticle", r2(latencyEnrichCpuMsPerArticle));
        m.put("latencySinkThreadsCpuMsPerArticle", r2(latencySinkCpuMsPerArticle));
        Map<String, Object> mean = new LinkedHashMap<>();
        Map<String, Object> cpu = new LinkedHashMap<>();
        steps.forEach((name, cost) -> {
            mean.put(name, r1(cost.meanMicros()));
            cpu.put(name, r1(cost.cpuMicros()));
        });
        m.put("stepMeanMicros", mean);
        m.put("stepCpuMicros", cpu);
        Map<String, Object> byThreads = new LinkedHashMap<>();
        pipelineCpuBreakdown.forEach((group, ms) -> byThreads.put(group, r2(ms)));
        m.put("pipelineCpuMsPerArticleByThreads", byThreads);
        m.put("heapUsedMaxMb", r1(mb(heapUsedMaxBytes)));
        m.put("vmHwmMb", vmHwmBytes < 0 ? null : r1(mb(vmHwmBytes)));
        return value(m);
    }

    /** A JSON value: a string, a number (or null), or an object of such values. */
    private static String value(Object v) {
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, x) -> sb.append(sb.length() > 1 ? "," : "")
                    .append('"')
                    .append(Json.escape(k.toString()))
                    .append("\":")
                    .append(value(x)));
            return sb.append('}').toString();
        }
        return v instanceof String s ? "\"" + Json.escape(s) + "\"" : String.valueOf(v);
    }

    private static double r1(double d) {
        return Double.isFinite(d) ? Math.round(d * 10) / 10.0 : 0;
    }

    private static double r2(double d) {
        return Double.isFinite(d) ? Math.round(d * 100) / 100.0 : 0;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append(String.format(Locale.ROOT, "%-40s %s%n", name, value));
    }
}
