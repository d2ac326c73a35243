package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.IngestStage;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.SinkStageConfig;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.ingest.IngestService;
import dev.warta.schemas.Topics;
import dev.warta.sink.DuplicatePolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's consumer programs, run exactly as written by clients that are not ours, against the embedded pipeline
 * fed with the samples: Node.js with kafkajs (no extra codec) and Python with confluent-kafka must decode every record
 * of {@code news.clean} and {@code news.enriched}. Each skips where its runtime or packages are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerExamplesIT {
    static final Path README = Path.of("..", "README.md");
    static final Path WORK = Path.of("target", "consumer-examples");
    static final Duration PIPELINE = Duration.ofSeconds(120);
    static final ObjectMapper JSON = new ObjectMapper();

    private Path data;
    private Platform platform;
    private Metrics metrics;
    private StreamsApp enrich;
    private StreamsApp sink;
    /** "topic id" of every record of news.clean and news.enriched, sorted. */
    private List<String> expected;

    @BeforeAll
    void startPipelineWithTheSamples() throws Exception {
        data = Files.createTempDirectory("warta-consumers");
        platform = Platform.open(KafkaTestSupport.embeddedConfig(data.resolve("data")), true);
        metrics = Metrics.create();
        enrich = Stages.startEnrich(
                platform, new EnrichStageConfig(Stages.ENRICH_APP_ID, 1, "it", platform.stateDir()), metrics);
        sink = Stages.startSink(
                platform,
                new SinkStageConfig(Stages.SINK_APP_ID, 1, "it", Set.of(), DuplicatePolicy.MARK, platform.stateDir()),
                metrics);
        long raw;
        try (IngestStage ingest = IngestStage.start(
                platform, IngestService.Options.defaults().withPaths(List.of(Path.of("..", "samples"))))) {
            raw = ingest.service().bulkSummary().published();
        }
        long deadline = System.nanoTime() + PIPELINE.toNanos();
        while (true) {
            List<String> records = new ArrayList<>();
            int outcomes = 0;
            for (String topic : List.of(Topics.CLEAN, Topics.FILTERED, Topics.ENRICHED)) {
                for (ConsumerRecord<String, byte[]> r : KafkaTestSupport.readUntil(
                        platform.bootstrapServers(),
                        topic,
                        new ByteArrayDeserializer(),
                        rs -> false,
                        Duration.ofSeconds(2))) {
                    if (!topic.equals(Topics.FILTERED)) {
                        records.add(topic + " " + r.key());
                    }
                    outcomes += topic.equals(Topics.ENRICHED) ? 0 : 1;
                }
            }
            if (outcomes >= raw
                    && records.stream()
                                    .filter(r -> r.startsWith(Topics.ENRICHED))
                                    .count()
                            >= raw) {
                Collections.sort(records);
                expected = records;
                break;
            }
            assertThat(System.nanoTime())
                    .as("every sample reached an outcome in time")
                    .isLessThan(deadline);
        }
        assertThat(expected).anyMatch(r -> r.startsWith(Topics.CLEAN + " "));
    }

    @AfterAll
    void stop() throws IOException {
        if (sink != null) {
            sink.close();
        }
        if (enrich != null) {
            enrich.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (platform != null) {
            platform.close();
        }
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void shouldDecodeEveryRecordWithTheReadmesKafkajsExample() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm are not installed");
        String program = example("consumer.js");
        Matcher install = Pattern.compile("npm install ([^&\\n]+)&&").matcher(program);
        assertThat(install.find())
                .as("the example's first line says what to install")
                .isTrue();
        Path dir = WORK.resolve("node");
        Files.createDirectories(dir);
        String packages = install.group(1).strip();
        Path marker = dir.resolve("installed.txt");
        if (!Files.exists(marker) || !Files.readString(marker).equals(packages)) {
            Files.writeString(dir.resolve("package.json"), "{\"private\": true}\n");
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--silent"));
            command.addAll(List.of(packages.split("\\s+")));
            Process npm = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm.log").toFile())
                    .start();
            assumeTrue(
                    npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0,
                    "npm cannot install " + packages + " (registry unreachable?): see " + dir.resolve("npm.log"));
            Files.writeString(marker, packages);
        }
        Files.writeString(dir.resolve("consumer.js"), program);

        assertThat(consume(dir, List.of("node", "consumer.js"))).isEqualTo(expected);
    }

    @Test
    void shouldDecodeEveryRecordWithTheReadmesConfluentKafkaPythonExample() throws Exception {
        String python = List.of("python3", "/usr/bin/python3").stream()
                .filter(p -> runs(p, "-c", "import confluent_kafka, avro.io, avro.schema"))
                .findFirst()
                .orElse(null);
        assumeTrue(
                python != null,
                "no python3 with confluent-kafka and avro (apt-get install python3-confluent-kafka python3-avro)");
        Path dir = WORK.resolve("python");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("consumer.py"), example("consumer.py"));

        assertThat(consume(dir, List.of(python, "consumer.py"))).isEqualTo(expected);
    }

    /**
     * Runs {@code command} in {@code dir} against the pipeline until it printed as many records as the topics hold
     * (or a timeout), and returns "topic id" of each, sorted. Anything on stderr fails the test.
     */
    private List<String> consume(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
        pb.environment()
                .putAll(Map.of(
                        "KAFKA_BOOTSTRAP",
                        platform.bootstrapServers(),
                        "SCHEMA_REGISTRY_URL",
                        platform.publicRegistryUrl()));
        Process p = pb.start();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    JsonNode n = JSON.readTree(line);
                    seen.add(n.get("topic").asText() + " " + n.get("id").asText());
                }
            } catch (IOException e) {
                seen.add("unreadable output: " + e.getMessage());
            }
        });
        reader.start();
        long deadline = System.nanoTime() + PIPELINE.toNanos();
        while (seen.size() < expected.size() && p.isAlive() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        // a moment for records beyond the expected ones (there must be none) before stopping the consumer
        p.waitFor(2, TimeUnit.SECONDS);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        reader.join(10_000);
        assertThat(Files.readString(dir.resolve("stderr.log")))
                .as("stderr of " + command)
                .isBlank();
        List<String> sorted = new ArrayList<>(seen);
        Collections.sort(sorted);
        return sorted;
    }

    /** The code block after {@code <!-- example: NAME -->} in the README, as written. */
    static String example(String name) throws IOException {
        List<String> lines = Files.readAllLines(README);
        int at = lines.indexOf("<!-- example: " + name + " -->");
        assertThat(at).as("README has the example " + name).isNotNegative();
        assertThat(lines.get(at + 1)).startsWith("```");
        StringBuilder code = new StringBuilder();
        for (int i = at + 2; !lines.get(i).equals("```"); i++) {
            code.append(lines.get(i)).append('\n');
        }
        return code.toString();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
