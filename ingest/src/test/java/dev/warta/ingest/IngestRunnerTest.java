package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.InMemoryArticleSink;
import dev.warta.schemas.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRunnerTest {
    @TempDir
    Path dir;

    private final InMemoryArticleSink sink = new InMemoryArticleSink();

    private IngestRunner runner() {
        return IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .build();
    }

    @Test
    void feedingTheSameArticleTwiceYieldsOneIdAndCountsARepeat() throws Exception {
        Fixtures.write(dir, "a.txt", Fixtures.TEXT_PAGE);
        Fixtures.write(dir, "copy-of-a.txt", Fixtures.TEXT_PAGE);
        try (IngestRunner runner = runner()) {
            IngestSummary s = runner.ingestPaths(List.of(dir));
            assertThat(s.published()).isEqualTo(1);
            assertThat(s.repeats()).isEqualTo(1);
            assertThat(s.files()).isEqualTo(2);
        }
        assertThat(sink.articles()).hasSize(1);
    }

    @Test
    void repeatIsRecognisedAfterARestartFromTheStoredSeenIndex() throws Exception {
        Path page = Fixtures.write(dir, "bus.html", Fixtures.ARTICLE_HTML);
        try (IngestRunner runner = runner()) {
            assertThat(runner.ingestPaths(List.of(page)).published()).isEqualTo(1);
        }
        try (IngestRunner restarted = runner()) {
            IngestSummary s = restarted.ingestPaths(List.of(page));
            assertThat(s.published()).isZero();
            assertThat(s.repeats()).isEqualTo(1);
        }
        assertThat(sink.articles()).hasSize(1);
    }

    @Test
    void changedContentUnderTheSameUrlIsPublishedAsAnUpdate() throws Exception {
        Path page = Fixtures.write(dir, "bus.html", Fixtures.ARTICLE_HTML);
        try (IngestRunner runner = runner()) {
            runner.ingestPaths(List.of(page));
            Files.writeString(page, Fixtures.ARTICLE_HTML.replace("sepuluh", "dua puluh"));
            IngestSummary s = runner.ingestPaths(List.of(page));
            assertThat(s.updates()).isEqualTo(1);
            assertThat(s.published()).isZero();
        }
        assertThat(sink.articles()).hasSize(2);
        assertThat(sink.articles().get(0).getId())
                .isEqualTo(sink.articles().get(1).getId());
    }

    @Test
    void refeedingAnOlderVersionIsARepeatEvenAfterARestart() throws Exception {
        Path page = Fixtures.write(dir, "bus.html", Fixtures.ARTICLE_HTML);
        Path edited = Fixtures.write(dir, "bus-edited.html", Fixtures.ARTICLE_HTML.replace("sepuluh", "dua puluh"));
        try (IngestRunner runner = runner()) {
            runner.ingestPaths(List.of(page));
            runner.ingestPaths(List.of(edited));
        }
        try (IngestRunner restarted = runner()) {
            IngestSummary s = restarted.ingestPaths(List.of(page, edited));
            assertThat(s.repeats()).isEqualTo(2);
            assertThat(s.updates()).isZero();
        }
        assertThat(sink.articles()).hasSize(2);
    }

    @Test
    void everyBadInputIsDeadLetteredAndTheRunGoesOn() throws Exception {
        Fixtures.write(dir, "01-good.txt", Fixtures.TEXT_PAGE);
        Fixtures.write(dir, "02-empty.html", "");
        Fixtures.write(dir, "03-bomb.html.gz", Fixtures.gzipBomb(12L << 20));
        Fixtures.write(dir, "04-xxe.xml", FeedSourceTest.XXE);
        Fixtures.write(dir, "05-lines.jsonl", "{\"text\":\"baik\"}\nnot json\n");
        byte[] warc = WarcSourceTest.warc(
                org.netpreserve.jwarc.WarcCompression.NONE,
                "<html><title>A</title></html>",
                "<html><title>B</title><body>" + "isi ".repeat(300) + "</body></html>");
        Fixtures.write(dir, "06-cut.warc", java.util.Arrays.copyOf(warc, warc.length - 500));
        Fixtures.write(dir, "07-garbage.txt", new byte[] {0, 1, 2, (byte) 0xff, 0});
        Fixtures.write(dir, "08-good.html", Fixtures.ARTICLE_HTML);
        try (IngestRunner runner = runner()) {
            IngestSummary s = runner.ingestPaths(List.of(dir));
            assertThat(s.files()).isEqualTo(8);
            assertThat(s.published()).isEqualTo(4); // good.txt, the JSON line, WARC record A, good.html
            assertThat(s.deadLettered()).isEqualTo(sink.deadLetters().size());
            assertThat(s.failed()).isZero();
        }
        assertThat(sink.deadLetters())
                .extracting(DeadLetter::getReason)
                .contains("empty", "too-large", "feed-doctype-forbidden", "malformed-json", "invalid-encoding")
                .anyMatch(r -> r.startsWith("malformed-"));
        assertThat(sink.deadLetters()).allSatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("ingest");
            assertThat(d.getSource()).startsWith(dir.toString());
            assertThat(d.getPayloadHead().remaining()).isLessThanOrEqualTo(1024);
        });
    }

    @Test
    void unreachableSinkFailsTheRunWithAOneLineReasonAndCountsNothingAsPublished() throws Exception {
        Fixtures.write(dir, "a.txt", Fixtures.TEXT_PAGE);
        Fixtures.write(dir, "b.html", Fixtures.ARTICLE_HTML);
        try (IngestRunner runner = runner()) {
            sink.failWith(new org.apache.kafka.common.errors.TimeoutException(
                    "Topic news.raw not present in metadata after 500 ms.\nsecond line"));
            assertThatThrownBy(() -> runner.ingestPaths(List.of(dir)))
                    .isInstanceOf(IngestException.class)
                    .hasMessageContaining("Topic news.raw not present")
                    .hasMessageNotContaining("\n");
            assertThat(runner.stats().published.get()).isZero();
            assertThat(runner.stats().failed.get()).isPositive();
            sink.failWith(null);
            assertThat(runner.ingestPaths(List.of(dir)).published())
                    .as("nothing was marked seen")
                    .isEqualTo(2);
        }
    }

    @Test
    void unreadableSeenIndexFailsAtStart() {
        sink.failWith(new IllegalStateException("Kafka unreachable: cannot read news.ingest.seen within PT1S"));
        assertThatThrownBy(this::runner).isInstanceOf(IngestException.class).hasMessageContaining("Kafka unreachable");
    }

    @Test
    void sourcesReadWorksWithoutKafka() throws Exception {
        Path p = Fixtures.write(
                dir,
                "x.jsonl",
                "{\"url\":\"https://a.example/1\",\"text\":\"satu\"}\n{\"text\":\"dua\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(Sources.read(p)).extracting(Item::provenance).containsExactly(p + "#1", p + "#2");
    }

    @Test
    void shouldPollAFeedFileAndDeadLetterItemsThatPointIntoTheInternalNetwork() throws Exception {
        Path feed = Fixtures.write(dir, "feed.xml", """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
                <item><title>metrics</title><link>http://127.0.0.1:9/metrics</link><description>m</description></item>
                <item><title>cloud</title><link>http://169.254.169.254/latest/meta-data/</link><description>c</description></item>
                <item><title>no link</title><description>Teks berita singkat dari feed.</description></item>
                </channel></rss>""");
        // the default fetcher, with the default fetch policy (public addresses only)
        try (IngestRunner runner = IngestRunner.builder(sink).progress(false).build()) {
            IngestSummary s = runner.pollFeeds(List.of(feed.toString()));
            assertThat(s.deadLettered()).isEqualTo(2);
            assertThat(runner.stats().refused).hasValue(2);
        }
        assertThat(sink.deadLetters()).extracting(DeadLetter::getReason).containsOnly("fetch-refused");
        assertThat(sink.deadLetters())
                .extracting(DeadLetter::getMessage)
                .anySatisfy(m -> assertThat(m).contains("127.0.0.1 is loopback"))
                .anySatisfy(m -> assertThat(m).contains("169.254.169.254 is link-local"));
        assertThat(sink.articles())
                .singleElement()
                .satisfies(a -> assertThat(a.getTitle()).isEqualTo("no link"));
    }
}
