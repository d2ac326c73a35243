package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.schemas.RawArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSourceTest {
    @TempDir
    Path dir;

    private static List<Item> read(Sources sources, Path p) {
        List<Item> items = new ArrayList<>();
        sources.forEach(p, items::add);
        return items;
    }

    @Test
    void eachLineBecomesAnArticleWithLineProvenanceAndExtraFieldsAsMetadata() throws Exception {
        Path p = Fixtures.write(dir, "batch.jsonl", """
                {"url":"https://berita.example/a?utm_source=x","title":"Gempa di Cianjur","text":"Gempa mengguncang Cianjur.","publishedAt":"2024-03-01T08:00:00+07:00","section":"daerah","tags":["gempa","jabar"]}

                {"title":"Tanpa URL","html":"<html lang='ms'><body><p>Isi berita</p></body></html>","lang":"id"}
                """);
        List<Item> items = read(Sources.offline(), p);
        assertThat(items).hasSize(2);
        RawArticle first = Fixtures.articles(items).get(0).article();
        assertThat(first.getProvenance()).isEqualTo(p + "#1");
        assertThat(first.getUrl()).isEqualTo("https://berita.example/a");
        assertThat(first.getTitle()).isEqualTo("Gempa di Cianjur");
        assertThat(first.getBody()).isEqualTo("Gempa mengguncang Cianjur.");
        assertThat(first.getContentType()).isEqualTo("text/plain");
        assertThat(first.getPublishedAt()).isEqualTo("2024-03-01T08:00:00+07:00");
        assertThat(first.getMetadata())
                .containsEntry("section", "daerah")
                .containsEntry("tags", "[\"gempa\",\"jabar\"]");
        RawArticle second = Fixtures.articles(items).get(1).article();
        assertThat(second.getProvenance()).isEqualTo(p + "#3");
        assertThat(second.getContentType()).isEqualTo("text/html");
        assertThat(second.getLanguageHint()).isEqualTo("id");
        assertThat(second.getTitle()).isEqualTo("Tanpa URL");
        assertThat(second.getId()).startsWith("c");
    }

    @Test
    void badLinesBecomeDeadLettersAndReadingGoesOn() throws Exception {
        Path p = Fixtures.write(dir, "mixed.jsonl", """
                {"url":"https://berita.example/1","text":"satu"}
                {"url": "https://berita.example/2", "text": "dua"
                [1,2,3]
                {"url":"https://berita.example/3","title":"no body"}
                {"url":"https://berita.example/4","text":"empat"}
                """);
        List<Item> items = read(Sources.offline(), p);
        assertThat(Fixtures.articles(items))
                .extracting(a -> a.article().getBody())
                .containsExactly("satu", "empat");
        assertThat(Fixtures.dead(items))
                .extracting(d -> d.letter().getReason() + "@" + d.letter().getProvenance())
                .containsExactly(
                        "malformed-json@" + p + "#2", "malformed-json@" + p + "#3", "missing-content@" + p + "#4");
        assertThat(Fixtures.dead(items).get(0).letter().getStage()).isEqualTo("ingest");
    }

    @Test
    void overlongLineIsRefusedWithoutStoppingTheFile() throws Exception {
        Sources small = new Sources(IngestLimits.defaults().withMaxPageBytes(200), PageFetcher.disabled());
        Path p = Fixtures.write(dir, "long.jsonl", "{\"text\":\"" + "x".repeat(5000) + "\"}\n{\"text\":\"pendek\"}\n");
        List<Item> items = read(small, p);
        assertThat(Fixtures.dead(items)).singleElement().satisfies(d -> {
            assertThat(d.letter().getReason()).isEqualTo("too-large");
            assertThat(d.letter().getPayloadSize()).isGreaterThan(5000);
            assertThat(d.letter().getPayloadHead().remaining()).isLessThanOrEqualTo(1024);
        });
        assertThat(Fixtures.articles(items))
                .singleElement()
                .satisfies(a -> assertThat(a.article().getBody()).isEqualTo("pendek"));
    }

    @Test
    void binaryGarbageLinesAreDeadLetters() throws Exception {
        byte[] garbage = {
            (byte) 0xff,
            0,
            0x7b,
            (byte) 0x80,
            '\n',
            '{',
            '"',
            't',
            'e',
            'x',
            't',
            '"',
            ':',
            '"',
            'o',
            'k',
            '"',
            '}',
            '\n'
        };
        List<Item> items = read(Sources.offline(), Fixtures.write(dir, "garbage.jsonl", garbage));
        assertThat(Fixtures.dead(items)).hasSize(1);
        assertThat(Fixtures.articles(items)).hasSize(1);
    }
}
