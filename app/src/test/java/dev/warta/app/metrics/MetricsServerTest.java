package dev.warta.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.common.stream.DeadLetterHandler;
import dev.warta.enrich.Analysis;
import dev.warta.ingest.IngestStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics facade served over real loopback HTTP. */
class MetricsServerTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private HttpResponse<String> get(MetricsServer server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeAnalyzerTimersAndCountersInPrometheusFormat() throws Exception {
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            metrics.stepTimer().record(Analysis.Step.LANGUAGE, 2_000_000);
            metrics.stepTimer().record(Analysis.Step.LANGUAGE, 4_000_000);
            metrics.ingested(3);
            metrics.filtered("spam-page");
            metrics.filtered("spam-page");

            HttpResponse<String> r = get(server, "/metrics");

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(r.body()).contains("warta_analyzer_seconds_count{step=\"language\"} 2");
            assertThat(r.body()).contains("warta_analyzer_seconds_sum{step=\"language\"} 0.006");
            assertThat(r.body()).contains("warta_analyzer_seconds_count{step=\"extract\"} 0");
            assertThat(r.body()).contains("warta_ingested_total 3.0");
            assertThat(r.body()).contains("warta_filtered_total{reason=\"spam-page\"} 2.0");
            assertThat(metrics.analyzerTimer(Analysis.Step.LANGUAGE).mean(java.util.concurrent.TimeUnit.MICROSECONDS))
                    .isEqualTo(3000.0);
        }
    }

    @Test
    void shouldCountSinkOutcomesIngestCountersAndEnrichedArticles() throws Exception {
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            metrics.sinkStats().clean(false);
            metrics.sinkStats().clean(true);
            metrics.sinkStats().filtered("duplicate");
            dev.warta.ingest.IngestStats ingest = new dev.warta.ingest.IngestStats();
            metrics.bindIngest(ingest);
            ingest.published.addAndGet(5);
            ingest.updates.incrementAndGet();
            ingest.repeats.addAndGet(2);
            for (Analysis.Step step : Analysis.Step.values()) {
                metrics.stepTimer().record(step, 1000);
            }
            metrics.enriched();

            String body = get(server, "/metrics").body();

            assertThat(body).contains("warta_clean_total 2.0");
            assertThat(body).contains("warta_filtered_total{reason=\"duplicate\"} 1.0");
            assertThat(body).contains("warta_ingest_published_total 6.0");
            assertThat(body).contains("warta_ingest_repeats_total 2.0");
            assertThat(body).contains("warta_enriched_total 1.0");
        }
    }

    @Test
    void shouldCountDeadLettersByStageAndReasonThroughTheListener() throws Exception {
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            var listener = metrics.deadLetterListener();
            listener.accept("enrich", "bad-magic-byte");
            listener.accept("enrich", "bad-magic-byte");
            listener.accept("sink", "unknown-schema-id");
            listener.accept("sink", null);

            String body = get(server, "/metrics").body();

            assertThat(body).contains("warta_dead_letters_total{reason=\"bad-magic-byte\",stage=\"enrich\"} 2.0");
            assertThat(body).contains("warta_dead_letters_total{reason=\"unknown-schema-id\",stage=\"sink\"} 1.0");
            assertThat(body).contains("warta_dead_letters_total{reason=\"unknown\",stage=\"sink\"} 1.0");
            assertThat(metrics.count(Metrics.DEAD_LETTERS, "stage", "enrich")).isEqualTo(2.0);
        }
    }

    @Test
    void shouldReportUpOnlyWhileEveryStageIsUp() throws Exception {
        AtomicBoolean sinkUp = new AtomicBoolean(true);
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            metrics.addHealth(() -> new StageHealth.Status("enrich", "RUNNING", true));
            metrics.addHealth(() -> new StageHealth.Status("sink", sinkUp.get() ? "RUNNING" : "ERROR", sinkUp.get()));

            HttpResponse<String> up = get(server, "/health");
            sinkUp.set(false);
            HttpResponse<String> down = get(server, "/health");

            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body())
                    .isEqualTo("{\"status\":\"UP\",\"stages\":{\"enrich\":\"RUNNING\",\"sink\":\"RUNNING\"}}");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).startsWith("{\"status\":\"DOWN\"").contains("\"sink\":\"ERROR\"");
        }
    }

    @Test
    void shouldReportIngestDownWhileItCannotPublishWithTheReason() throws Exception {
        IngestStats stats = new IngestStats();
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            metrics.bindIngest(stats);
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            stats.lastPublishFailure.set("incompatible-schema: news.raw-value is not compatible");
            HttpResponse<String> down = get(server, "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"ingest\":\"cannot publish: incompatible-schema");
            stats.lastPublishFailure.set(null); // the next article went through
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldReportAStreamsAppThatIsNotRunningAsDownAndBindItsMetrics() throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        p.put(DeadLetterHandler.LISTENER, (java.util.function.BiConsumer<String, String>) (a, b) -> {});
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p);
                Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            metrics.bindStreams("enrich", streams);

            HttpResponse<String> health = get(server, "/health");

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"enrich\":\"CREATED\"");
            assertThat(metrics.registry().getMeters())
                    .anySatisfy(m -> assertThat(m.getId().getName()).startsWith("kafka."));
        }
    }

    @Test
    void shouldAnswerUnknownPathsWith404AndWritesWith405() throws Exception {
        try (Metrics metrics = Metrics.create();
                MetricsServer server = MetricsServer.start(metrics, 0)) {
            HttpResponse<String> missing = get(server, "/nope");
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create(server.url() + "/metrics"))
                            .POST(HttpRequest.BodyPublishers.ofString("x"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(Map.of("port", server.port()))
                    .allSatisfy((k, v) -> assertThat(v).isPositive());
        }
    }
}
