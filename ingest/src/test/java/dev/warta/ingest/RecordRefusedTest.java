package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.ArticleSink;
import dev.warta.ingest.sink.InMemoryArticleSink;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record Kafka refuses on its own account is dead-lettered; the rest of the run goes on. */
class RecordRefusedTest {
    @TempDir
    Path dir;

    /** Refuses articles whose body is longer than a limit, as a broker refuses records over max.message.bytes. */
    static final class RefusingSink implements ArticleSink {
        final InMemoryArticleSink delegate = new InMemoryArticleSink();
        final int maxBody;

        RefusingSink(int maxBody) {
            this.maxBody = maxBody;
        }

        @Override
        public CompletableFuture<Void> publish(RawArticle article) {
            if (article.getBody().length() > maxBody) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("The message is too large"));
            }
            return delegate.publish(article);
        }

        @Override
        public CompletableFuture<Void> deadLetter(DeadLetter letter) {
            return delegate.deadLetter(letter);
        }

        @Override
        public CompletableFuture<Void> markSeen(String id, String contentHash) {
            return delegate.markSeen(id, contentHash);
        }

        @Override
        public Map<String, String> loadSeen(Duration timeout) {
            return delegate.loadSeen(timeout);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void shouldDeadLetterAnArticleTheBrokerRefusesAndPublishTheOthers() throws Exception {
        Files.writeString(dir.resolve("a-small.txt"), "Berita kecil\n\nIsi singkat tentang pasar.");
        Files.writeString(dir.resolve("b-huge.txt"), "Berita besar\n\n" + "kata ".repeat(2_000));
        Files.writeString(dir.resolve("c-small.txt"), "Berita lain\n\nIsi singkat tentang sekolah.");
        RefusingSink sink = new RefusingSink(1_000);
        try (IngestRunner runner = IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .build()) {
            IngestSummary summary = runner.ingestPaths(List.of(dir));
            assertThat(summary.published()).isEqualTo(2);
            assertThat(summary.deadLettered()).isEqualTo(1);
            assertThat(summary.failed()).isZero();
        }
        assertThat(sink.delegate.articles())
                .extracting(RawArticle::getTitle)
                .containsExactlyInAnyOrder("Berita kecil", "Berita lain");
        assertThat(sink.delegate.deadLetters()).singleElement().satisfies(l -> {
            assertThat(l.getReason()).isEqualTo("too-large");
            assertThat(l.getProvenance()).endsWith("b-huge.txt");
            assertThat(l.getPayloadSize()).isGreaterThan(10_000L);
        });
    }
}
