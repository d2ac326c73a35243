package dev.warta.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.warta.app.BrokerIngest;
import dev.warta.app.KafkaTestSupport;
import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.http.HttpIngestServer;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adversarial HTTP client: 10,000 {@code POST /articles} requests fired at once at the ingest server on a real
 * broker. Every request gets an answer the client can act on (202 after the broker's ack, or 503 "saturated"
 * with Retry-After, or a refused connection past the accept backlog); the server never holds more than its
 * in-flight bound; every accepted article is on {@code news.raw} exactly once; and the server still accepts
 * articles once the flood is over.
 */
class HttpFloodIT {
    private static final int REQUESTS = 10_000;
    private static final int MAX_IN_FLIGHT = 512;
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @TempDir
    static Path dir;

    static BrokerIngest broker;
    static final String REGISTRY = "mem://http-flood-it-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        broker = BrokerIngest.start(dir.resolve("data"), REGISTRY);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    /** Records written to a topic so far (sum of end offsets; news.raw is written without transactions here). */
    private static long recordsOn(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", broker.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            return c.endOffsets(parts).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /**
     * How many requests can be in flight at once here: the server side holds one file descriptor per connection in
     * this JVM, next to the broker's; 10,000 unless the descriptor limit is too low for that.
     */
    private static int floodSize() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            long headroom = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 2_000;
            return (int) Math.max(0, Math.min(REQUESTS, headroom));
        }
        return REQUESTS;
    }

    @Test
    void tenThousandConcurrentPostsAreAnsweredBoundedAndNothingAcceptedIsLost() throws Exception {
        int requests = floodSize();
        assumeTrue(requests >= 1_000, "file descriptor limit too low for a flood test: " + requests);
        IngestLimits limits = IngestLimits.defaults();
        HttpIngestServer.Options options =
                new HttpIngestServer.Options(4, REQUESTS, MAX_IN_FLIGHT, 64L * 1024 * 1024, limits.maxPageBytes());
        try (HttpIngestServer server =
                HttpIngestServer.start(broker.runner(), new InetSocketAddress("127.0.0.1", 0), options)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/articles");
            List<String> answers = flood(uri, requests);

            Map<Integer, Integer> byStatus = new HashMap<>();
            List<String> acceptedIds = new ArrayList<>();
            for (String line : answers) {
                String[] f = line.split("\t", 3);
                int status = Integer.parseInt(f[1]);
                String body = f.length > 2 ? f[2] : "";
                byStatus.merge(status, 1, Integer::sum);
                if (status == 202) {
                    Matcher m = ID.matcher(body);
                    assertThat(m.find()).as("202 body names the id: %s", body).isTrue();
                    acceptedIds.add(m.group(1));
                } else if (status == 503) {
                    assertThat(body).contains("saturated");
                } else {
                    // only a connection the server could not take (past its accept queue) may end without a status
                    assertThat(status).as("unexpected answer %s", line).isEqualTo(-1);
                    assertThat(body).as(line).startsWith("java.io.IOException");
                }
            }
            System.out.printf(
                    "HttpFloodIT: %d requests at once -> answers by status (-1 = connection refused or closed) %s,"
                            + " peak in flight %d%n",
                    requests, byStatus, server.peakInFlight());
            assertThat(answers).hasSize(requests);
            assertThat(acceptedIds).as("answers %s", byStatus).isNotEmpty().doesNotHaveDuplicates();
            assertThat(server.peakInFlight()).isLessThanOrEqualTo(MAX_IN_FLIGHT);
            assertThat(server.inFlight()).isZero();

            // the server survived: a request after the flood is accepted
            HttpResponse<String> after = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"url\":\"https://banjir.example/berita/sesudah\","
                                                            + "\"title\":\"Air surut\",\"text\":\"Air mulai surut dan warga kembali ke rumah.\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(202);

            // every accepted article is on news.raw exactly once, and nothing else came from this server
            int expected = acceptedIds.size() + 1;
            List<ConsumerRecord<String, RawArticle>> raw = KafkaTestSupport.readUntil(
                    broker.bootstrapServers(),
                    Topics.RAW,
                    AvroSerde.of(RawArticle.class, REGISTRY).deserializer(),
                    r -> r.size() >= expected,
                    Duration.ofSeconds(120));
            List<String> onTopic = raw.stream().map(r -> r.value().getId()).toList();
            assertThat(onTopic).hasSize(expected).doesNotHaveDuplicates().containsAll(acceptedIds);
            assertThat(recordsOn(Topics.RAW))
                    .as("records on news.raw, nothing beyond the accepted")
                    .isEqualTo(expected);
        }
    }

    /** Runs {@link HttpFloodClient} in its own JVM and returns its answer lines. */
    private static List<String> flood(URI uri, int requests) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = dir.resolve("flood-answers.txt");
        Process client = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        cp,
                        HttpFloodClient.class.getName(),
                        uri.toString(),
                        String.valueOf(requests))
                .redirectErrorStream(false)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            assertThat(client.waitFor(6, TimeUnit.MINUTES))
                    .as("flood client finished")
                    .isTrue();
        } finally {
            client.destroyForcibly();
        }
        assertThat(client.exitValue()).as("flood client exit code").isZero();
        return Files.readAllLines(out);
    }
}
