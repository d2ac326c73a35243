package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.http.HttpIngestServer;
import dev.warta.ingest.sink.InMemoryArticleSink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpIngestServerTest {
    private final InMemoryArticleSink sink = new InMemoryArticleSink();
    private final IngestRunner runner = IngestRunner.builder(sink)
            .fetcher(PageFetcher.disabled())
            .progress(false)
            .build();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpIngestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        runner.close();
    }

    private HttpIngestServer start(HttpIngestServer.Options options) throws Exception {
        server = HttpIngestServer.start(runner, new InetSocketAddress("127.0.0.1", 0), options);
        return server;
    }

    private HttpRequest.Builder post(String pathAndQuery, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jsonArticleIsAcceptedWithItsIdOnceAcked() throws Exception {
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        HttpResponse<String> r = send(post(
                "/articles",
                "application/json",
                "{\"url\":\"https://kabar.example/a\",\"title\":\"Judul\",\"text\":\"Isi berita.\"}"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body())
                .contains("\"id\":\"" + ArticleIds.urlId("https://kabar.example/a") + "\"")
                .contains("published");
        assertThat(sink.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getSourceType()).isEqualTo("http"));
        HttpResponse<String> again = send(post(
                "/articles",
                "application/json",
                "{\"url\":\"https://kabar.example/a\",\"title\":\"Judul\",\"text\":\"Isi berita.\"}"));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).contains("repeat");
    }

    @Test
    void htmlBodyTakesItsUrlFromTheQuery() throws Exception {
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        HttpResponse<String> r = send(post(
                "/articles?url=https%3A%2F%2Fkabar.example%2Fhtml",
                "text/html; charset=utf-8", "<html><body><p>Berita dari HTML</p></body></html>"));
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(sink.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getUrl()).isEqualTo("https://kabar.example/html"));
    }

    @Test
    void badInputGets400WithTheReason() throws Exception {
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        HttpResponse<String> broken = send(post("/articles", "application/json", "{\"url\":"));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("malformed-json");
        HttpResponse<String> noText =
                send(post("/articles", "application/json", "{\"url\":\"https://kabar.example/x\"}"));
        assertThat(noText.statusCode()).isEqualTo(400);
        assertThat(noText.body()).contains("missing-content");
        assertThat(sink.articles()).isEmpty();
    }

    @Test
    void bodyOverTheLimitGets413() throws Exception {
        start(new HttpIngestServer.Options(2, 16, 16, 1 << 20, 1000));
        HttpResponse<String> r = send(post("/articles", "application/json", "{\"text\":\"" + "x".repeat(5000) + "\"}"));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(sink.articles()).isEmpty();
    }

    @Test
    void otherMethodsAndPathsAreRefused() throws Exception {
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        HttpResponse<String> get = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/articles"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> other = send(post("/other", "application/json", "{}"));
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void saturatedServerAnswers503InsteadOfQueueingWithoutBound() throws Exception {
        start(new HttpIngestServer.Options(2, 16, 2, 1 << 20, 10_000));
        sink.holdAcks();
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(
                post("/articles", "application/json", "{\"url\":\"https://kabar.example/1\",\"text\":\"satu\"}")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> second = client.sendAsync(
                post("/articles", "application/json", "{\"url\":\"https://kabar.example/2\",\"text\":\"dua\"}")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // both are now waiting for their ack: wait until the server holds them
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runner.stats().read.get() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        HttpResponse<String> third =
                send(post("/articles", "application/json", "{\"url\":\"https://kabar.example/3\",\"text\":\"tiga\"}"));
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(first).isNotDone();
        sink.releaseAcks();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
        assertThat(send(post(
                                "/articles",
                                "application/json",
                                "{\"url\":\"https://kabar.example/4\",\"text\":\"empat\"}"))
                        .statusCode())
                .isEqualTo(202);
    }

    @Test
    void sinkFailureGets503AndNoAcceptance() throws Exception {
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        sink.failWith(new org.apache.kafka.common.errors.TimeoutException("broker down"));
        HttpResponse<String> r = send(post("/articles", "application/json", "{\"text\":\"apa saja\"}"));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("broker down");
    }

    @Test
    void shouldAnswerAPostWhileSlowClientsTrickleAndDisconnectThem() throws Exception {
        // sixteen clients sending their headers a byte at a time hold sixteen handler threads (the JDK server reads
        // headers on them); before, four such clients blocked POST /articles completely
        start(HttpIngestServer.Options.defaults(IngestLimits.defaults()));
        List<Socket> slow = new ArrayList<>();
        List<CompletableFuture<Integer>> closedByServer = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setSoTimeout(30_000);
                s.getOutputStream().write("POST /articles HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
                closedByServer.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return s.getInputStream().read(); // -1 once the server closes the connection
                    } catch (IOException e) {
                        return -1;
                    }
                }));
            }
            trickle.scheduleAtFixedRate(
                    () -> {
                        for (Socket s : slow) {
                            try {
                                s.getOutputStream().write('X');
                            } catch (IOException ignored) {
                                // closed by the server: what the test expects
                            }
                        }
                    },
                    0,
                    300,
                    TimeUnit.MILLISECONDS);
            HttpResponse<String> r = send(post(
                    "/articles",
                    "application/json",
                    "{\"url\":\"https://kabar.example/slow\",\"title\":\"Judul\",\"text\":\"Isi berita.\"}"));
            assertThat(r.statusCode()).isEqualTo(202);
            for (CompletableFuture<Integer> c : closedByServer) {
                assertThat(c.get(20, TimeUnit.SECONDS))
                        .as("slow client disconnected by the read deadline")
                        .isEqualTo(-1);
            }
        } finally {
            trickle.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
