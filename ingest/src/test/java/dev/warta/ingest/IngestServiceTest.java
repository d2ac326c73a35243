package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.ingest.sink.InMemoryArticleSink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestServiceTest {
    @TempDir
    Path dir;

    private final InMemoryArticleSink sink = new InMemoryArticleSink();
    private final List<String> log = new ArrayList<>();

    @Test
    void bulkLoadsPathsThenServesHttpUntilClosed() throws Exception {
        Fixtures.write(dir, "a.txt", Fixtures.TEXT_PAGE);
        IngestService.Options options = IngestService.Options.defaults()
                .withPaths(List.of(dir))
                .withHttpPort(0)
                .withFetchPages(false);
        try (IngestService service = IngestService.start(sink, options, log::add)) {
            assertThat(service.bulkSummary().published()).isEqualTo(1);
            assertThat(service.isLongRunning()).isTrue();
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.httpPort() + "/articles"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"Berita lewat HTTP\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            assertThat(service.stats().published.get()).isEqualTo(2);
        }
    }

    @Test
    void pathsOnlyIsNotLongRunning() {
        try (IngestService service =
                IngestService.start(sink, IngestService.Options.defaults().withFetchPages(false), log::add)) {
            assertThat(service.isLongRunning()).isFalse();
            assertThat(service.httpPort()).isEqualTo(-1);
        }
    }

    @Test
    void kafkaFailureDuringTheBulkLoadIsAOneLineIngestException() throws Exception {
        Fixtures.write(dir, "a.txt", Fixtures.TEXT_PAGE);
        InMemoryArticleSink failing = new InMemoryArticleSink();
        IngestService.Options options =
                IngestService.Options.defaults().withPaths(List.of(dir)).withFetchPages(false);
        failing.failWith(new org.apache.kafka.common.errors.TimeoutException(
                "Expiring 1 record(s) for news.raw-3: 60000 ms has passed"));
        assertThatThrownBy(() -> IngestService.start(new DelegatingSink(failing), options, log::add))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("Expiring 1 record(s)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void concurrentSubmissionsOfOneArticlePublishItOnce() throws Exception {
        try (IngestRunner runner = IngestRunner.builder(sink).progress(false).build()) {
            Path p = Fixtures.write(dir, "same.html", Fixtures.ARTICLE_HTML);
            Item item = Sources.read(p).get(0);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int j = 0; j < 100; j++) {
                        runner.publisher().submit(item).get(5, TimeUnit.SECONDS);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(runner.stats().published.get()).isEqualTo(1);
            assertThat(runner.stats().repeats.get()).isEqualTo(799);
        }
        assertThat(sink.articles()).hasSize(1);
    }

    /** A sink whose seen index loads but whose writes fail, as when Kafka goes away after start. */
    private static final class DelegatingSink implements dev.warta.ingest.sink.ArticleSink {
        private final InMemoryArticleSink writes;

        DelegatingSink(InMemoryArticleSink writes) {
            this.writes = writes;
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> publish(dev.warta.schemas.RawArticle article) {
            return writes.publish(article);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> deadLetter(dev.warta.schemas.DeadLetter letter) {
            return writes.deadLetter(letter);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> markSeen(String id, String contentHash) {
            return writes.markSeen(id, contentHash);
        }

        @Override
        public java.util.Map<String, String> loadSeen(java.time.Duration timeout) {
            return java.util.Map.of();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
