package dev.warta.app.cli;

import dev.warta.app.bench.BenchReport;
import dev.warta.app.bench.PipelineBench;
import dev.warta.enrich.EnrichmentVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code warta bench}: the pipeline end to end on an embedded broker and registry against a pass-through baseline;
 * prints a table, then one JSON line with every figure (the last line of stdout). Progress goes to stderr.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmark the pipeline end to end against a pass-through baseline (embedded broker in a scratch "
                + "directory). Prints a table and one JSON line.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--articles",
            defaultValue = "50000",
            description = "Generated articles (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "Ingest the files of DIR instead of generated articles.")
    Path corpus;

    @Option(
            names = "--article-chars",
            defaultValue = "4000",
            description = "Size of generated articles (default: ${DEFAULT-VALUE}).")
    int articleChars;

    @Option(
            names = "--html",
            description = "Generate news web pages (article text plus navigation, ads, related links, "
                    + "comments) instead of .txt articles, so extraction is part of the figures.")
    boolean html;

    @Option(
            names = "--streams-config",
            paramLabel = "KEY=VALUE",
            description =
                    "Kafka Streams setting for the enrich and sink stages (repeatable), e.g. commit.interval.ms=50.")
    java.util.Map<String, String> streamsConfig = new java.util.LinkedHashMap<>();

    @Option(
            names = "--warmup",
            defaultValue = "25000",
            description = "Output records before throughput, CPU and analyzer costs are measured (JIT warm-up; at most "
                    + "half the articles; 0 to measure from the first) (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Articles/s of the latency phase (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(
            names = "--latency-seconds",
            defaultValue = "30",
            description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(
            names = "--threads",
            defaultValue = "1",
            description = "Stream threads of the stages and the baseline (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--partitions",
            defaultValue = "3",
            description = "Partitions of the topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--small-files",
            defaultValue = "20000",
            description = "Small text files for the ingest-throughput figure, 0 to skip (default: ${DEFAULT-VALUE}).")
    int smallFiles;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Keep the broker data and generated files in DIR (default: a temporary directory, deleted).")
    Path workDir;

    @Option(
            names = "--timeout-seconds",
            defaultValue = "900",
            description = "Give up a phase after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (articles < 2
                || rate < 1
                || latencySeconds < 1
                || threads < 1
                || partitions < 1
                || smallFiles < 0
                || articleChars < 200
                || timeoutSeconds < 1
                || warmup < 0) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--articles >= 2, --rate, --latency-seconds, --threads, "
                            + "--partitions, --timeout-seconds >= 1, --article-chars >= 200, --small-files, --warmup >= 0");
        }
        PipelineBench.Options options = new PipelineBench.Options(
                articles,
                corpus,
                articleChars,
                rate,
                Duration.ofSeconds(latencySeconds),
                threads,
                partitions,
                workDir,
                smallFiles,
                Duration.ofSeconds(timeoutSeconds),
                html,
                streamsConfig,
                warmup,
                EnrichmentVersion.current());
        BenchReport report = new PipelineBench(options, System.err).run();
        System.out.print(report.table());
        System.out.println(report.json());
        return 0;
    }
}
