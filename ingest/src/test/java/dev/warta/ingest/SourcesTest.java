package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.source.FeedSource;
import dev.warta.ingest.source.FileSource;
import dev.warta.ingest.source.HtmlPageSource;
import dev.warta.ingest.source.JsonlSource;
import dev.warta.ingest.source.TextPageSource;
import dev.warta.ingest.source.WarcSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
    private final Sources sources = Sources.offline();

    @Test
    void shouldPickTheFileSourceByExtensionIgnoringCaseAndGzip() {
        Map<String, Class<? extends FileSource>> expected = Map.of(
                "a.txt",
                TextPageSource.class,
                "b.HTML.gz",
                HtmlPageSource.class,
                "c.xhtml",
                HtmlPageSource.class,
                "d.ndjson",
                JsonlSource.class,
                "e.warc.gz",
                WarcSource.class,
                "f.arc",
                WarcSource.class,
                "g.rss",
                FeedSource.class,
                "h.atom",
                FeedSource.class);
        expected.forEach((name, type) ->
                assertThat(sources.sourceFor(Path.of("in", name))).as(name).isInstanceOf(type));
        assertThat(sources.sourceFor(Path.of("in", "report.pdf"))).isNull();
    }

    @Test
    void shouldTurnAFileNoSourceReadsIntoOneDeadLetter() {
        List<Item> items = new ArrayList<>();
        sources.forEach(Path.of("in", "report.pdf"), items::add);
        assertThat(items)
                .singleElement()
                .isInstanceOfSatisfying(
                        Item.Dead.class, d -> assertThat(d.letter().getReason()).isEqualTo("unsupported-type"));
    }

    @Test
    void shouldListOnlyTheFilesSomeSourceReadsInPathOrder(@TempDir Path dir) throws Exception {
        for (String name : List.of("b.txt", "a.html", "notes.pdf", ".hidden.txt")) {
            Files.writeString(dir.resolve(name), "Judul\n\nIsi.", StandardCharsets.UTF_8);
        }
        assertThat(sources.expand(List.of(dir))).containsExactly(dir.resolve("a.html"), dir.resolve("b.txt"));
    }
}
