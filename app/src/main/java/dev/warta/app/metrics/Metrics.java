package dev.warta.app.metrics;

import dev.warta.enrich.Analysis;
import dev.warta.enrich.StepTimer;
import dev.warta.ingest.IngestStats;
import dev.warta.sink.SinkStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * warta's metrics: one Prometheus registry holding the Kafka client and Streams metrics of the process, warta's
 * counters and the per-analyzer timers, plus the health of the registered stream stages. Thread-safe; create one
 * per process and hand it to the stages:
 *
 * <pre>{@code
 * Metrics metrics = Metrics.create();
 * Analysis analysis = Analysis.standard(version, metrics.stepTimer());
 * Topology topology = EnrichTopology.build(analysis, props, metrics::enriched);
 * props.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
 * metrics.bindStreams("enrich", app.streams());
 * MetricsServer server = MetricsServer.start(metrics, 9464);   // GET /metrics, GET /health
 * }</pre>
 */
public final class Metrics implements AutoCloseable {
    /** Timer of each analyzer, tag {@code step} (extract, clean, spam, language, entities, fingerprint). */
    public static final String ANALYZER_TIMER = "warta.analyzer";

    public static final String INGESTED = "warta.ingested";
    public static final String REPEATS = "warta.repeats";
    public static final String ENRICHED = "warta.enriched";
    public static final String CLEAN = "warta.clean";
    /** Tag {@code reason}: spam-page, empty, language, duplicate... */
    public static final String FILTERED = "warta.filtered";
    /** Tags {@code stage} and {@code reason}. */
    public static final String DEAD_LETTERS = "warta.dead.letters";

    private final PrometheusMeterRegistry registry;
    private final Counter ingested;
    private final Counter repeats;
    private final Counter enriched;
    private final Counter clean;
    private final Map<Analysis.Step, Timer> analyzerTimers;
    private final StepTimer stepTimer;
    private final SinkStats sinkStats;
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();
    private final List<StageHealth> stages = new CopyOnWriteArrayList<>();

    private Metrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        ingested = Counter.builder(INGESTED)
                .description("Articles ingest published to news.raw")
                .register(registry);
        repeats = Counter.builder(REPEATS)
                .description("Articles ingest saw again unchanged and skipped")
                .register(registry);
        enriched = Counter.builder(ENRICHED)
                .description("Articles enrich analysed")
                .register(registry);
        clean = Counter.builder(CLEAN)
                .description("Articles sink published to news.clean")
                .register(registry);
        Map<Analysis.Step, Timer> timers = new EnumMap<>(Analysis.Step.class);
        for (Analysis.Step step : Analysis.Step.values()) {
            timers.put(
                    step,
                    Timer.builder(ANALYZER_TIMER)
                            .description("Time spent in each analyzer per article")
                            .tag("step", stepName(step))
                            .register(registry));
        }
        analyzerTimers = timers;
        stepTimer = (step, nanos) -> analyzerTimers.get(step).record(nanos, TimeUnit.NANOSECONDS);
        sinkStats = new SinkStats() {
            @Override
            public void clean(boolean duplicate) {
                Metrics.this.clean();
            }

            @Override
            public void filtered(String reason) {
                Metrics.this.filtered(reason);
            }
        };
    }

    /** A fresh registry (not the global one), so that tests and benchmarks do not share counts. */
    public static Metrics create() {
        return new Metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** The tag value of a step: its lower-case name. */
    public static String stepName(Analysis.Step step) {
        return step.name().toLowerCase(java.util.Locale.ROOT);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The registry in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Records each analyzer's time into {@value #ANALYZER_TIMER}; pass it to {@link Analysis#standard(String, StepTimer)}.
     */
    public StepTimer stepTimer() {
        return stepTimer;
    }

    /** The timer of one analyzer (for reports: count, mean, max). */
    public Timer analyzerTimer(Analysis.Step step) {
        return analyzerTimers.get(step);
    }

    /** Counts the sink's outcomes ({@value #CLEAN}, {@value #FILTERED} by reason); pass it to {@code SinkConfig.withStats}. */
    public SinkStats sinkStats() {
        return sinkStats;
    }

    /**
     * Exposes ingest's own counters: {@code warta.ingest.published} (published + updated), {@code warta.ingest.repeats},
     * {@code warta.ingest.dead.letters}, {@code warta.ingest.refused} (of those), {@code warta.ingest.files}.
     */
    public void bindIngest(IngestStats stats) {
        FunctionCounter.builder("warta.ingest.published", stats, s -> s.published.get() + s.updates.get())
                .description("Articles ingest published or updated")
                .register(registry);
        FunctionCounter.builder("warta.ingest.repeats", stats, s -> s.repeats.get())
                .description("Articles ingest saw again unchanged")
                .register(registry);
        FunctionCounter.builder("warta.ingest.dead.letters", stats, s -> s.deadLettered.get())
                .description("Inputs ingest dead-lettered")
                .register(registry);
        FunctionCounter.builder("warta.ingest.refused", stats, s -> s.refused.get())
                .description(
                        "Inputs ingest refused for safety (fetches into the internal network, inbox links out of it)")
                .register(registry);
        addHealth(() -> {
            String failure = stats.lastPublishFailure.get();
            return failure == null
                    ? new StageHealth.Status("ingest", "publishing", true)
                    : new StageHealth.Status("ingest", "cannot publish: " + failure, false);
        });
        FunctionCounter.builder("warta.ingest.files", stats, s -> s.files.get())
                .description("Files ingest read")
                .register(registry);
    }

    /** Counts dead letters by stage and reason; set it as {@code DeadLetterHandler.LISTENER} in the Streams properties. */
    public BiConsumer<String, String> deadLetterListener() {
        return this::deadLettered;
    }

    public void ingested(long n) {
        ingested.increment(n);
    }

    public void repeat() {
        repeats.increment();
    }

    /** Counts one analysed article ({@value #ENRICHED}); the enrich topology calls it once per article. */
    public void enriched() {
        enriched.increment();
    }

    public void clean() {
        clean.increment();
    }

    public void filtered(String reason) {
        registry.counter(FILTERED, "reason", tagValue(reason)).increment();
    }

    public void deadLettered(String stage, String reason) {
        registry.counter(DEAD_LETTERS, "stage", tagValue(stage), "reason", tagValue(reason))
                .increment();
    }

    /** Current value of a counter, 0 when it was never incremented (tags as key, value pairs). */
    public double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    /** Binds the Streams (and embedded clients') metrics of {@code streams} and watches its health as {@code stage}. */
    public void bindStreams(String stage, KafkaStreams streams) {
        bind(new KafkaStreamsMetrics(streams, Tags.of("stage", stage)));
        stages.add(new StreamsHealth(stage, streams));
    }

    /** Binds a producer's client metrics (e.g. ingest's). */
    public void bindProducer(String name, Producer<?, ?> producer) {
        bind(new KafkaClientMetrics(producer, Tags.of("client", name)));
    }

    /** Binds a consumer's client metrics. */
    public void bindConsumer(String name, Consumer<?, ?> consumer) {
        bind(new KafkaClientMetrics(consumer, Tags.of("client", name)));
    }

    /** Adds a health check of a stage that is not a Kafka Streams app (or a test double). */
    public void addHealth(StageHealth health) {
        stages.add(health);
    }

    /** Health of every registered stage; UP when all are. */
    public Health health() {
        List<StageHealth.Status> each = new ArrayList<>();
        boolean up = true;
        for (StageHealth s : stages) {
            StageHealth.Status status = s.status();
            each.add(status);
            up &= status.up();
        }
        return new Health(up, each);
    }

    private <B extends MeterBinder & AutoCloseable> void bind(B binder) {
        binder.bindTo(registry);
        binders.add(binder);
    }

    private static String tagValue(String s) {
        return s == null || s.isBlank() ? "unknown" : s;
    }

    @Override
    public void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception ignored) {
                // a binder's scheduler that fails to stop at shutdown changes nothing
            }
        }
        binders.clear();
        registry.close();
    }

    /** The process's health: {@code up} when every stage is. */
    public record Health(boolean up, List<StageHealth.Status> stages) {
        /** {@code {"status":"UP","stages":{"enrich":"RUNNING"}}}. */
        public String toJson() {
            StringBuilder sb = new StringBuilder("{\"status\":\"")
                    .append(up ? "UP" : "DOWN")
                    .append("\",\"stages\":{");
            for (int i = 0; i < stages.size(); i++) {
                StageHealth.Status s = stages.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('"')
                        .append(Json.escape(s.name()))
                        .append("\":\"")
                        .append(Json.escape(s.state()))
                        .append('"');
            }
            return sb.append("}}").toString();
        }
    }
}
