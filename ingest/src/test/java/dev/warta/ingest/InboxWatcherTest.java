package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.InMemoryArticleSink;
import dev.warta.ingest.watch.InboxWatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWatcherTest {
    @TempDir
    Path inbox;

    private final InMemoryArticleSink sink = new InMemoryArticleSink();
    private final List<String> log = new ArrayList<>();

    private IngestRunner runner() {
        return IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .build();
    }

    @Test
    void fileIsMovedToDoneOnlyAfterItsRecordsAreAcked() throws Exception {
        Fixtures.write(inbox, "a.txt", Fixtures.TEXT_PAGE);
        try (IngestRunner runner = runner();
                InboxWatcher watcher = new InboxWatcher(runner, inbox, Duration.ZERO, log::add)) {
            sink.holdAcks();
            CompletableFuture<Void> scan = watcher.scanOnce();
            assertThat(scan).isNotDone();
            assertThat(inbox.resolve("a.txt")).exists();
            sink.releaseAcks();
            scan.get(5, TimeUnit.SECONDS);
        }
        assertThat(inbox.resolve("done/a.txt")).exists();
        assertThat(inbox.resolve("a.txt")).doesNotExist();
        assertThat(sink.articles()).hasSize(1);
    }

    @Test
    void fileWhoseRecordsCannotBeWrittenGoesToFailedWithAReason() throws Exception {
        Fixtures.write(inbox, "b.html", Fixtures.ARTICLE_HTML);
        try (IngestRunner runner = runner();
                InboxWatcher watcher = new InboxWatcher(runner, inbox, Duration.ZERO, log::add)) {
            sink.failWith(new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s) for news.raw-0"));
            watcher.scanOnce().get(5, TimeUnit.SECONDS);
        }
        assertThat(inbox.resolve("failed/b.html")).exists();
        assertThat(Files.readString(inbox.resolve("failed/b.html.reason"))).contains("Expiring 1 record(s)");
        assertThat(log).singleElement().asString().contains("b.html");
    }

    @Test
    void fileWithNoArticleGoesToFailedAndItsDeadLetterIsPublished() throws Exception {
        Fixtures.write(inbox, "lol.xml", FeedSourceTest.BILLION_LAUGHS);
        Fixtures.write(inbox, "ok.txt", Fixtures.TEXT_PAGE);
        try (IngestRunner runner = runner();
                InboxWatcher watcher = new InboxWatcher(runner, inbox, Duration.ZERO, log::add)) {
            watcher.scanOnce().get(5, TimeUnit.SECONDS);
        }
        assertThat(inbox.resolve("failed/lol.xml")).exists();
        assertThat(Files.readString(inbox.resolve("failed/lol.xml.reason"))).contains("feed-doctype-forbidden");
        assertThat(inbox.resolve("done/ok.txt")).exists();
        assertThat(sink.deadLetters()).hasSize(1);
    }

    @Test
    void fileLeftBehindByAKilledProcessIsIngestedAgainHarmlessly() throws Exception {
        Fixtures.write(inbox, "c.txt", Fixtures.TEXT_PAGE);
        try (IngestRunner first = runner()) {
            // the first process published the article, then died before moving the file
            first.ingestFile(inbox.resolve("c.txt")).get(5, TimeUnit.SECONDS);
        }
        try (IngestRunner restarted = runner();
                InboxWatcher watcher = new InboxWatcher(restarted, inbox, Duration.ZERO, log::add)) {
            watcher.scanOnce().get(5, TimeUnit.SECONDS);
            assertThat(restarted.stats().repeats.get()).isEqualTo(1);
        }
        assertThat(inbox.resolve("done/c.txt")).exists();
        assertThat(sink.articles()).hasSize(1);
    }

    @Test
    void partialAndHiddenFilesAreLeftAlone() throws Exception {
        Fixtures.write(inbox, "d.txt.part", Fixtures.TEXT_PAGE);
        Fixtures.write(inbox, ".e.txt", Fixtures.TEXT_PAGE);
        try (IngestRunner runner = runner();
                InboxWatcher watcher = new InboxWatcher(runner, inbox, Duration.ZERO, log::add)) {
            watcher.scanOnce().get(5, TimeUnit.SECONDS);
        }
        assertThat(inbox.resolve("d.txt.part")).exists();
        assertThat(inbox.resolve(".e.txt")).exists();
        assertThat(sink.articles()).isEmpty();
    }

    @Test
    void shouldRefuseASymlinkPointingOutOfTheInboxWithADeadLetter(@TempDir Path elsewhere) throws Exception {
        Path secret = Fixtures.write(elsewhere, "secret.txt", Fixtures.TEXT_PAGE);
        Files.createSymbolicLink(inbox.resolve("link.txt"), secret);
        Path inside = Fixtures.write(
                Files.createDirectories(inbox.resolve("sub")), "page.txt", Fixtures.TEXT_PAGE.replace("Bus", "Kereta"));
        Files.createSymbolicLink(inbox.resolve("inside.txt"), inside);
        try (IngestRunner runner = runner();
                InboxWatcher watcher = new InboxWatcher(runner, inbox, Duration.ZERO, log::add)) {
            watcher.scanOnce().get(5, TimeUnit.SECONDS);
            assertThat(runner.stats().refused).hasValue(1);
        }
        assertThat(sink.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.getReason()).isEqualTo(InboxWatcher.SYMLINK_REFUSED);
            assertThat(d.getMessage()).contains("link.txt", secret.toRealPath().toString(), "outside the inbox");
        });
        assertThat(sink.articles())
                .as("only the link inside the inbox was read")
                .hasSize(1);
        assertThat(inbox.resolve("failed/link.txt")).isSymbolicLink();
        assertThat(Files.readString(inbox.resolve("failed/link.txt.reason"))).contains(InboxWatcher.SYMLINK_REFUSED);
        assertThat(secret).exists();
    }
}
