package dev.warta.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server: paths, headers, retries, errors. */
class RestSchemaRegistryClientTest {
    private static final Schema SCHEMA = SchemaBuilder.record("Ping")
            .namespace("test")
            .fields()
            .requiredString("text")
            .endRecord();

    private record Seen(String method, String rawPath, String authorization, String contentType, String body) {}

    private record Reply(int status, String body) {}

    private final Queue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    private String start(String prefix, boolean hang) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> answer(exchange, hang));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    private void answer(HttpExchange exchange, boolean hang) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body));
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Reply reply = replies.poll();
        if (reply == null) {
            reply = new Reply(500, "{\"error_code\":50001,\"message\":\"no scripted reply\"}");
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void registerPostsTheSchemaUnderThePathPrefixWithBasicAuthFromTheUrl() throws IOException {
        String base = start("/apis/ccompat/v7", false);
        replies.add(new Reply(200, "{\"id\":7}"));
        String withUser = base.replace("http://", "http://reader:p%40ss@");
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(withUser, Duration.ofSeconds(2), 0);

        assertThat(client.register("news raw/value", SCHEMA)).isEqualTo(7);

        Seen request = seen.poll();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/apis/ccompat/v7/subjects/news%20raw%2Fvalue/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.authorization()).isEqualTo(basic("reader:p@ss"));
        assertThat(new Schema.Parser()
                        .parse(new com.fasterxml.jackson.databind.ObjectMapper()
                                .readTree(request.body())
                                .get("schema")
                                .asText()))
                .isEqualTo(SCHEMA);
        assertThat(client.baseUrls()).allSatisfy(u -> assertThat(u).doesNotContain("reader"));
    }

    @Test
    void basicAuthUserInfoSettingIsSent() throws IOException {
        String base = start("", false);
        replies.add(new Reply(200, "{\"compatibilityLevel\":\"FULL\"}"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                base, Duration.ofSeconds(2), 0, Map.of(RestSchemaRegistryClient.BASIC_AUTH_USER_INFO, "key:secret"));

        assertThat(client.compatibility(null)).isEqualTo("FULL");
        assertThat(seen.poll().authorization()).isEqualTo(basic("key:secret"));
    }

    @Test
    void serdeConfigPassesBasicAuthToTheClient() throws IOException {
        String base = start("", false);
        replies.add(new Reply(200, "{\"id\":3}"));
        dev.warta.schemas.serde.AvroSerde<dev.warta.schemas.DeadLetter> serde =
                new dev.warta.schemas.serde.AvroSerde<>(dev.warta.schemas.DeadLetter.class);
        serde.configure(
                Map.of(
                        dev.warta.schemas.serde.AvroSerde.REGISTRY_URL,
                        base,
                        RestSchemaRegistryClient.BASIC_AUTH_USER_INFO,
                        "svc:t0ken"),
                false);

        byte[] bytes = serde.serialize(
                "news.dlq",
                dev.warta.schemas.DeadLetter.newBuilder()
                        .setStage("ingest")
                        .setReason("too-large")
                        .setMessage("body over 8 MiB")
                        .setFailedAt(java.time.Instant.EPOCH)
                        .build());

        assertThat(bytes[4]).isEqualTo((byte) 3);
        Seen request = seen.poll();
        assertThat(request.rawPath()).isEqualTo("/subjects/news.dlq-value/versions");
        assertThat(request.authorization()).isEqualTo(basic("svc:t0ken"));
    }

    @Test
    void serverErrorsAreRetriedUntilAnAnswer() throws IOException {
        String base = start("", false);
        replies.add(new Reply(503, "<html>busy</html>"));
        replies.add(new Reply(500, "{\"error_code\":50001,\"message\":\"store\"}"));
        replies.add(new Reply(200, "[1,2,3]"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(2), 3);

        assertThat(client.versions("s")).containsExactly(1, 2, 3);
        assertThat(seen).hasSize(3);
    }

    @Test
    void clientErrorsFailAtOnceWithConfluentsErrorCode() throws IOException {
        String base = start("", false);
        replies.add(new Reply(404, "{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(2), 3);

        assertThatThrownBy(() -> client.getVersion("s", -1))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.retriable()).isFalse();
                })
                .hasMessageContaining("Subject 's' not found.");
        assertThat(seen).extracting(Seen::rawPath).containsExactly("/subjects/s/versions/latest");
    }

    @Test
    void errorWithoutJsonBodyKeepsTheHttpStatusAsCode() throws IOException {
        String base = start("", false);
        replies.add(new Reply(401, "<html>Unauthorized</html>"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(2), 3);

        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(401))
                .hasMessageContaining("Unauthorized");
    }

    @Test
    void persistentServerErrorFailsAfterTheRetriesAsRetriable() throws IOException {
        String base = start("", false);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(2), 2);

        assertThatThrownBy(() -> client.getById(1)).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(RegistryException.STORE_ERROR);
            assertThat(e.retriable()).isTrue();
        });
        assertThat(seen).hasSize(3);
    }

    @Test
    void registryDownFailsAsUnreachableAfterBoundedRetries() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient("http://127.0.0.1:" + port, Duration.ofSeconds(1), 3);

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.register("s", SCHEMA))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(RegistryException.UNREACHABLE);
                    assertThat(e.errorCode()).isEqualTo(RegistryException.UNREACHABLE);
                    assertThat(e.retriable()).isTrue();
                })
                .hasMessageContaining("after 4 attempts");
        // backoff 100 + 200 + 400 ms (+ jitter) for refused connections: well under the 4 x 1 s timeouts
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void registryThatNeverAnswersTimesOutAsUnreachable() throws IOException {
        String base = start("", true);
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofMillis(300), 1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.getById(3))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(RegistryException.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(seen).hasSize(2);
    }

    @Test
    void failsOverToTheNextUrlWhenTheFirstIsDown() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = start("", false);
        replies.add(new Reply(200, "{\"schema\":" + quote(SCHEMA.toString()) + "}"));
        RestSchemaRegistryClient client =
                new RestSchemaRegistryClient("http://127.0.0.1:" + port + "," + base, Duration.ofSeconds(1), 2);

        assertThat(client.getById(5)).isEqualTo(SCHEMA);
        assertThat(client.getById(5)).as("cached").isEqualTo(SCHEMA);
        assertThat(seen).hasSize(1);
    }

    @Test
    void subjectConfigFallsBackToTheGlobalLevel() throws IOException {
        String base = start("", false);
        replies.add(new Reply(404, "{\"error_code\":40408,\"message\":\"not configured\"}"));
        replies.add(new Reply(200, "{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(1), 0);

        assertThat(client.compatibility("news.raw-value")).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(seen).extracting(Seen::rawPath).containsExactly("/config/news.raw-value", "/config");
    }

    @Test
    void nonAvroSchemaIsRefused() throws IOException {
        String base = start("", false);
        replies.add(new Reply(200, "{\"schema\":\"syntax = \\\"proto3\\\";\",\"schemaType\":\"PROTOBUF\"}"));
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(base, Duration.ofSeconds(1), 0);

        assertThatThrownBy(() -> client.getById(9))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("PROTOBUF");
    }

    @Test
    void malformedUrlsAreRefusedUpFront() {
        for (String url : new String[] {"", " , ", "localhost:8081", "ftp://registry:21", "mem:/x"}) {
            assertThatThrownBy(() -> new RestSchemaRegistryClient(url, Duration.ofSeconds(1), 0))
                    .as(url)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String quote(String s) {
        return new com.fasterxml.jackson.databind.node.TextNode(s).toString();
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
