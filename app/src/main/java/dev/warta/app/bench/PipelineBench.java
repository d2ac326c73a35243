package dev.warta.app.bench;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.ClusterConfig;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.common.stream.DeadLetterHandler;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.IngestSummary;
import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code warta bench}: the pipeline end to end on an embedded broker and registry in a scratch data directory.
 * Phases: (1) ingest the corpus files into {@code news.raw} with the real ingest; (2) the pass-through baseline
 * copies that backlog; (3) the pipeline stages (enrich and sink) process the same backlog; (4) with the stages caught up, articles
 * are ingested one file at a time at a steady rate and the latency to the stage output is measured; (5) small
 * text files are ingested into a side topic for the ingest-throughput figure. Throughputs are measured between the
 * first and the last output record (stage start-up excluded, the same for the baseline and the pipeline), and
 * in steady state: from the {@code warmup}-th output record to the last, with the CPU figures and analyzer costs
 * of that window (the first records pay for class loading and JIT compilation: on two cores the compiler threads
 * take a fifth of the machine for the first minute).
 */
public final class PipelineBench {
    static final String PASSTHROUGH_TOPIC = "bench.passthrough";
    static final String SMALL_RAW_TOPIC = "bench.ingest.raw";
    static final String SMALL_SEEN_TOPIC = "bench.ingest.seen";
    static final String SEEN_TOPIC = dev.warta.ingest.IngestTopics.SEEN;
    static final String ENRICH_APP = "warta-bench-enrich";
    static final String SINK_APP = "warta-bench-sink";

    /**
     * What to run. {@code corpus} null means generate {@code articles} articles of {@code articleChars}, as
     * {@code .txt} files or, with {@code html}, as news pages with navigation, ads, related links and comments
     * (the latency phase ingests the same kind). {@code streamsConfig}: Kafka Streams settings over the stages'
     * defaults (tuning experiments); a key {@code enrich:K} or {@code sink:K} sets K for that stage only.
     * {@code version}: the enrichment version the stages stamp.
     */
    public record Options(
            int articles,
            Path corpus,
            int articleChars,
            int rate,
            Duration latencyDuration,
            int threads,
            int partitions,
            Path dataDir,
            int smallFiles,
            Duration timeout,
            boolean html,
            Map<String, String> streamsConfig,
            int warmup,
            String version) {
        public Options {
            streamsConfig = streamsConfig == null ? Map.of() : Map.copyOf(streamsConfig);
        }
    }

    private final Options options;
    private final PrintStream log;

    public PipelineBench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs every phase and returns the figures; the scratch directory is deleted unless it was given. */
    public BenchReport run() throws Exception {
        Path dataDir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("warta-bench");
        try (PeakMemory memory = new PeakMemory();
                Metrics metrics = Metrics.create()) {
            return run(dataDir, memory, metrics);
        } finally {
            if (options.dataDir() == null) {
                deleteTree(dataDir);
            }
        }
    }

    private BenchReport run(Path dataDir, PeakMemory memory, Metrics metrics) throws Exception {
        ClusterConfig cluster = ClusterConfig.embedded(dataDir.resolve("data"), options.partitions());
        log.println("bench: preparing the corpus");
        Corpus corpus = options.corpus() != null
                ? Corpus.of(options.corpus())
                : Corpus.generate(
                        dataDir.resolve("corpus"), options.articles(), options.articleChars(), 42, 0, options.html());
        try (Platform platform = Platform.open(cluster, true)) {
            log.println("bench: broker " + platform.bootstrapServers() + ", registry " + platform.publicRegistryUrl());
            createTopics(platform, List.of(PASSTHROUGH_TOPIC, SMALL_RAW_TOPIC));
            Properties client = platform.clientProperties();

            // (1) ingest the corpus
            log.println("bench: ingesting " + corpus.files() + " files");
            long t0;
            IngestSummary ingested;
            try (KafkaArticleSink sink = articleSink(platform, Topics.RAW, SEEN_TOPIC);
                    IngestRunner runner = ingestRunner(sink)) {
                t0 = System.nanoTime();
                ingested = runner.ingestPaths(List.of(corpus.dir()));
            }
            double ingestSeconds = (System.nanoTime() - t0) / 1e9;
            long articles = ingested.published() + ingested.updates();
            long ingestDead = ingested.deadLettered();
            log.printf(
                    "bench: ingested %d articles (%d dead letters) in %.1f s%n", articles, ingestDead, ingestSeconds);

            // (2) the pass-through baseline over the backlog
            long warmup = Math.min(options.warmup(), articles / 2);
            double[] baseline = runBaseline(platform, client, articles, warmup, corpus.bytes());
            log.printf(
                    "bench: baseline %.0f articles/s after %d warm-up (%.0f/s over all), %.2f CPU ms/article%n",
                    baseline[0], warmup, baseline[3], baseline[2]);

            // (3) the pipeline over the same backlog, then (4) latency at a steady rate
            Properties enrichProps =
                    Stages.streamsProps(platform, "enrich", ENRICH_APP, options.threads(), options.version());
            enrichProps.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
            enrichProps.putAll(stageSettings(options.streamsConfig(), "enrich"));
            StepStats stepStats = new StepStats(metrics.stepTimer());
            Analysis analysis = Analysis.standard(options.version(), stepStats);
            Properties sinkProps =
                    Stages.streamsProps(platform, "sink", SINK_APP, options.threads(), options.version());
            sinkProps.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
            sinkProps.putAll(stageSettings(options.streamsConfig(), "sink"));
            SinkConfig sinkConfig = Stages.sinkConfig(platform)
                    .withStats(metrics.sinkStats())
                    .withSettings(stageSettings(options.streamsConfig(), "sink"));
            Set<String> outputs = Set.of(Topics.CLEAN, Topics.FILTERED);
            long clean;
            long filtered;
            double pipelineRate;
            Map<String, Double> cpuBreakdown;
            double coldPipelineRate;
            double pipelineMb;
            double pipelineSeconds;
            double enrichSeconds;
            long enriched;
            long dlq;
            LatencyHistogram latency = new LatencyHistogram();
            long latencyCount;
            double pipelineCpu;
            double enrichCpu;
            double sinkCpu;
            double[] latencyCpu;
            Map<String, Long> sinkWritten;
            try (TopicCounter out = new TopicCounter(
                            client,
                            List.of(Topics.ENRICHED, Topics.CLEAN, Topics.FILTERED, Topics.DLQ),
                            Set.of(Topics.CLEAN, Topics.FILTERED, Topics.DLQ),
                            null);
                    StreamsApp enrich = StreamsApp.start(
                            "enrich", EnrichTopology.build(analysis, enrichProps, metrics::enriched), enrichProps);
                    StreamsApp sink = StreamsApp.start("sink", SinkTopology.build(sinkConfig), sinkProps)) {
                metrics.bindStreams("enrich", enrich.streams());
                metrics.bindStreams("sink", sink.streams());
                out.mark(warmup);
                Map<String, Long> sinkSent0 = TopicRecords.sent(sink.streams());
                long start = System.nanoTime();
                if (warmup > 0) {
                    await(out, warmup, "the pipeline");
                    stepStats.reset();
                }
                long cpu0 = ProcessCpu.nanos();
                var threadsCpu0 = ProcessCpu.allThreads();
                Map<Long, Long> enrichCpu0 = ProcessCpu.threads(ENRICH_APP);
                Map<Long, Long> sinkCpu0 = ProcessCpu.threads(SINK_APP);
                await(out, articles, "the pipeline");
                long measured = articles - warmup;
                pipelineCpu = ProcessCpu.perArticleMillis(cpu0, measured);
                enrichCpu = ProcessCpu.threadsPerArticleMillis(ENRICH_APP, enrichCpu0, measured);
                sinkCpu = ProcessCpu.threadsPerArticleMillis(SINK_APP, sinkCpu0, measured);
                cpuBreakdown = ProcessCpu.breakdown(cpu0, threadsCpu0, measured);
                pipelineSeconds = (out.lastNanos() - start) / 1e9;
                enrichSeconds = (out.lastNanos(Topics.ENRICHED) - start) / 1e9;
                double[] rates = rates(out, articles, warmup, corpus.bytes());
                pipelineRate = rates[0];
                pipelineMb = rates[1];
                coldPipelineRate = rates[2];
                enriched = out.count(Topics.ENRICHED);
                clean = out.count(Topics.CLEAN);
                filtered = out.count(Topics.FILTERED);
                dlq = out.count(Topics.DLQ);
                sinkWritten = TopicRecords.between(sinkSent0, TopicRecords.sent(sink.streams()));
                log.printf(
                        "bench: sink wrote %.2f Kafka records per article (outputs, changelogs and repartition "
                                + "topics): %s%n",
                        perArticle(sinkWritten, articles), sinkWritten);
                log.printf(
                        "bench: pipeline %.0f articles/s after %d warm-up (%.0f/s over all), CPU ms/article %.2f "
                                + "(enrich threads %.2f, sink threads %.2f)%n",
                        pipelineRate, warmup, coldPipelineRate, pipelineCpu, enrichCpu, sinkCpu);
                long latencyCpu0 = ProcessCpu.nanos();
                Map<Long, Long> enrichLatencyCpu0 = ProcessCpu.threads(ENRICH_APP);
                Map<Long, Long> sinkLatencyCpu0 = ProcessCpu.threads(SINK_APP);
                latencyCount = measureLatency(platform, client, outputs, latency, dataDir.resolve("latency"));
                latencyCpu = new double[] {
                    ProcessCpu.perArticleMillis(latencyCpu0, latencyCount),
                    ProcessCpu.threadsPerArticleMillis(ENRICH_APP, enrichLatencyCpu0, latencyCount),
                    ProcessCpu.threadsPerArticleMillis(SINK_APP, sinkLatencyCpu0, latencyCount)
                };
                log.printf(
                        "bench: latency phase CPU ms/article %.2f (enrich threads %.2f, sink threads %.2f)%n",
                        latencyCpu[0], latencyCpu[1], latencyCpu[2]);
            }

            // (5) small text files
            double[] small = smallIngest(platform, dataDir.resolve("small"));

            Map<String, BenchReport.StepCost> steps = new LinkedHashMap<>();
            for (Analysis.Step step : Analysis.Step.values()) {
                steps.put(Metrics.stepName(step), stepStats.cost(step));
            }
            return new BenchReport(
                    articles,
                    corpus.bytes(),
                    options.partitions(),
                    options.threads(),
                    ingestSeconds,
                    articles / ingestSeconds,
                    corpus.bytes() / (1024.0 * 1024.0) / ingestSeconds,
                    (long) small[1],
                    small[0],
                    baseline[0],
                    baseline[1],
                    pipelineRate,
                    pipelineMb,
                    pipelineSeconds,
                    enrichSeconds,
                    enriched,
                    clean,
                    filtered,
                    dlq + ingestDead,
                    options.rate(),
                    options.latencyDuration().toMillis() / 1000.0,
                    latencyCount,
                    latency.quantile(0.5),
                    latency.quantile(0.99),
                    latency.max(),
                    steps,
                    memory.heapUsedMax(),
                    PeakMemory.vmHwm(),
                    "enrich+sink",
                    options.corpus() != null ? "files" : options.html() ? "html" : "text",
                    baseline[2],
                    pipelineCpu,
                    enrichCpu,
                    sinkCpu,
                    latencyCpu[0],
                    latencyCpu[1],
                    latencyCpu[2],
                    warmup,
                    baseline[3],
                    coldPipelineRate,
                    cpuBreakdown,
                    perArticle(sinkWritten, articles));
        }
    }

    private static double perArticle(Map<String, Long> written, long articles) {
        long sum = written.values().stream().mapToLong(Long::longValue).sum();
        return articles == 0 ? 0 : (double) sum / articles;
    }

    /** The settings of {@code all} for {@code stage}: unprefixed keys and {@code stage:}-prefixed ones (prefix cut). */
    static Map<String, String> stageSettings(Map<String, String> all, String stage) {
        Map<String, String> out = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            int colon = k.indexOf(':');
            if (colon < 0) {
                out.putIfAbsent(k, v);
            } else if (k.substring(0, colon).equals(stage)) {
                out.put(k.substring(colon + 1), v);
            }
        });
        return out;
    }

    private static KafkaArticleSink articleSink(Platform platform, String raw, String seen) {
        Map<String, Object> configs = new HashMap<>();
        platform.clientProperties().forEach((k, v) -> configs.put(k.toString(), v));
        configs.put(AvroSerde.REGISTRY_URL, platform.registryUrl());
        return new KafkaArticleSink(configs, raw, Topics.DLQ, seen);
    }

    private static IngestRunner ingestRunner(KafkaArticleSink sink) {
        return IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .build();
    }

    /**
     * Articles/s and MB/s (of corpus text) after {@code warmup} records, process CPU ms per article over the same
     * window, and articles/s over the whole backlog of {@code articles} records, of the pass-through.
     */
    private double[] runBaseline(Platform platform, Properties client, long articles, long warmup, long corpusBytes)
            throws Exception {
        Properties props =
                Stages.streamsProps(platform, "baseline", "warta-bench-passthrough", options.threads(), null);
        try (TopicCounter out = new TopicCounter(client, List.of(PASSTHROUGH_TOPIC), Set.of(PASSTHROUGH_TOPIC), null);
                StreamsApp app =
                        StreamsApp.start("baseline", Passthrough.build(Topics.RAW, PASSTHROUGH_TOPIC, props), props)) {
            out.mark(warmup);
            if (warmup > 0) {
                await(out, warmup, "the baseline");
            }
            long cpu0 = ProcessCpu.nanos();
            await(out, articles, "the baseline");
            double cpu = ProcessCpu.perArticleMillis(cpu0, articles - warmup);
            double[] rates = rates(out, articles, warmup, corpusBytes);
            return new double[] {rates[0], rates[1], cpu, rates[2]};
        }
    }

    private void await(TopicCounter out, long n, String what) throws InterruptedException {
        if (!out.awaitTotal(n, options.timeout())) {
            throw new IllegalStateException(what + " produced " + out.total() + " of " + n + " records within "
                    + options.timeout().toSeconds() + " s");
        }
    }

    /**
     * Articles/s and corpus MB/s from the {@code warmup}-th record (the first when 0) to the last of
     * {@code articles}, and articles/s from the first to the last.
     */
    static double[] rates(TopicCounter out, long articles, long warmup, long corpusBytes) {
        double all = (articles - 1) / Math.max(1e-3, out.activeSeconds());
        if (warmup <= 0) {
            return new double[] {all, corpusBytes / (1024.0 * 1024.0) / articles * all, all};
        }
        double steady = (articles - warmup) / Math.max(1e-3, (out.lastNanos() - out.markNanos()) / 1e9);
        return new double[] {steady, corpusBytes / (1024.0 * 1024.0) / articles * steady, all};
    }

    /** Ingests generated articles one file at a time at the configured rate; returns how many arrived. */
    private long measureLatency(
            Platform platform, Properties client, Set<String> outputs, LatencyHistogram latency, Path dir)
            throws Exception {
        int total = (int) Math.max(1, options.rate() * options.latencyDuration().toMillis() / 1000);
        log.printf("bench: latency, %d articles at %d/s%n", total, options.rate());
        Files.createDirectories(dir);
        ArticleGenerator generator = new ArticleGenerator(4242, options.articleChars());
        List<CompletableFuture<Void>> acks = new ArrayList<>(total);
        try (TopicCounter out = new TopicCounter(client, List.copyOf(outputs), outputs, latency);
                KafkaArticleSink sink = articleSink(platform, Topics.RAW, SEEN_TOPIC);
                IngestRunner runner = ingestRunner(sink)) {
            long start = System.nanoTime();
            long interval = 1_000_000_000L / Math.max(1, options.rate());
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Path file = dir.resolve("l" + i + ".txt");
                long index = 1_000_000L + i;
                String page = options.html()
                        ? generator.htmlPage(index)
                        : generator.article(index).body();
                Files.write(
                        options.html() ? dir.resolve("l" + i + ".html") : file, page.getBytes(StandardCharsets.UTF_8));
                acks.add(runner.ingestFile(options.html() ? dir.resolve("l" + i + ".html") : file));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(options.timeout().toSeconds(), TimeUnit.SECONDS);
            out.awaitTotal(total, options.timeout());
            return out.total();
        }
    }

    /** Articles/s ingesting small text files into a side topic, and the number of files. */
    private double[] smallIngest(Platform platform, Path dir) {
        int n = options.smallFiles();
        if (n <= 0) {
            return new double[] {0, 0};
        }
        Corpus small = Corpus.generate(dir, n, 400, 7, 5_000_000L);
        log.println("bench: ingesting " + small.files() + " small text files");
        long t0;
        IngestSummary s;
        try (KafkaArticleSink sink = articleSink(platform, SMALL_RAW_TOPIC, SMALL_SEEN_TOPIC);
                IngestRunner runner = ingestRunner(sink)) {
            t0 = System.nanoTime();
            s = runner.ingestPaths(List.of(small.dir()));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new double[] {s.published() / secs, n};
    }

    private void createTopics(Platform platform, List<String> names) {
        try (Admin admin = Admin.create(platform.clientProperties())) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, options.partitions(), (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the bench topics: " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a scratch directory that cannot be fully removed is left for the OS's temp cleaner
        }
    }
}
