package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.RawArticle;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcSourceTest {
    @TempDir
    Path dir;

    private static final Instant DATE = Instant.parse("2024-05-06T07:08:09Z");

    static byte[] warc(WarcCompression compression, String... htmlOrPng) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), compression)) {
            int i = 0;
            for (String page : htmlOrPng) {
                i++;
                boolean png = page.startsWith("PNG");
                HttpResponse http = new HttpResponse.Builder(200, "OK")
                        .body(
                                png ? MediaType.parse("image/png") : MediaType.parse("text/html; charset=utf-8"),
                                page.getBytes(StandardCharsets.UTF_8))
                        .build();
                writer.write(new WarcResponse.Builder(URI.create("https://arsip.example/berita/" + i))
                        .date(DATE)
                        .body(http)
                        .build());
            }
        }
        return out.toByteArray();
    }

    private static List<Item> read(Path p) {
        List<Item> items = new ArrayList<>();
        Sources.offline().forEach(p, items::add);
        return items;
    }

    @Test
    void htmlResponsesBecomeArticlesAndOtherRecordsAreSkipped() throws Exception {
        Path p = Fixtures.write(
                dir,
                "crawl.warc.gz",
                warc(
                        WarcCompression.GZIP,
                        "<html lang=id><title>Satu</title><body>Berita satu</body></html>",
                        "PNG\u0001\u0002",
                        "<html><title>Tiga</title><body>Berita tiga</body></html>"));
        List<Item> items = read(p);
        assertThat(items).hasSize(3);
        assertThat(items.get(1)).isInstanceOf(Item.Skipped.class);
        assertThat(((Item.Skipped) items.get(1)).reason()).isEqualTo("not-html");
        RawArticle first = Fixtures.articles(items).get(0).article();
        assertThat(first.getUrl()).isEqualTo("https://arsip.example/berita/1");
        assertThat(first.getFetchedAt()).isEqualTo(DATE);
        assertThat(first.getTitle()).isEqualTo("Satu");
        assertThat(first.getLanguageHint()).isEqualTo("id");
        assertThat(first.getSourceType()).isEqualTo("warc");
        assertThat(first.getProvenance()).isEqualTo(p + "#1");
        assertThat(first.getMetadata()).containsKeys("warc.offset", "warc.recordId");
        assertThat(Fixtures.articles(items).get(1).article().getProvenance()).isEqualTo(p + "#3");
    }

    @Test
    void truncatedWarcKeepsTheRecordsBeforeTheCutAndReportsTheRest() throws Exception {
        byte[] whole = warc(
                WarcCompression.NONE,
                "<html><title>Satu</title></html>",
                "<html><title>Dua</title><body>" + "isi ".repeat(200) + "</body></html>");
        Path p = Fixtures.write(dir, "cut.warc", java.util.Arrays.copyOf(whole, whole.length - 300));
        List<Item> items = read(p);
        assertThat(Fixtures.articles(items))
                .extracting(a -> a.article().getTitle())
                .containsExactly("Satu");
        assertThat(Fixtures.dead(items))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.letter().getReason()).startsWith("malformed"));
    }

    @Test
    void garbageBetweenRecordsIsReportedAndDoesNotCrash() throws Exception {
        byte[] one = warc(WarcCompression.NONE, "<html><title>Satu</title></html>");
        byte[] garbage = "this is not a warc record\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[one.length + garbage.length + one.length];
        System.arraycopy(one, 0, all, 0, one.length);
        System.arraycopy(garbage, 0, all, one.length, garbage.length);
        System.arraycopy(one, 0, all, one.length + garbage.length, one.length);
        List<Item> items = read(Fixtures.write(dir, "mixed.warc", all));
        assertThat(Fixtures.articles(items)).isNotEmpty();
        assertThat(Fixtures.dead(items)).isNotEmpty();
    }

    @Test
    void shouldResynchroniseAfterACorruptRecordHeaderAndNameEachBrokenRecord() throws Exception {
        for (WarcCompression c : new WarcCompression[] {WarcCompression.GZIP, WarcCompression.NONE}) {
            byte[] a = warc(c, "<html><title>Satu</title><body>Berita satu</body></html>");
            byte[] b = warc(c, "<html><title>Dua</title><body>Berita dua</body></html>");
            byte[] d = warc(c, "<html><title>Tiga</title><body>Berita tiga</body></html>");
            byte[] broken1 = b.clone();
            byte[] broken2 = d.clone();
            if (c == WarcCompression.NONE) {
                broken1[0] = 'X'; // "XARC/1.0": not a record header
                broken2[0] = 'X';
            } else {
                java.util.Arrays.fill(broken1, 10, broken1.length / 2, (byte) 0x55); // garbage in the deflate stream
                java.util.Arrays.fill(broken2, 10, broken2.length / 2, (byte) 0x55);
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] part : List.of(a, broken1, b, broken2, d, a)) {
                all.write(part);
            }
            Path p = Fixtures.write(
                    dir, "resync" + c + (c == WarcCompression.GZIP ? ".warc.gz" : ".warc"), all.toByteArray());
            List<Item> items = read(p);
            assertThat(Fixtures.articles(items))
                    .as(c.toString())
                    .extracting(x -> x.article().getTitle())
                    .containsExactly("Satu", "Dua", "Tiga", "Satu");
            List<Item.Dead> dead = Fixtures.dead(items);
            assertThat(dead).as(c.toString()).hasSize(2);
            assertThat(dead.get(0).letter().getProvenance()).isEqualTo(p + "#2");
            assertThat(dead.get(1).letter().getProvenance()).isEqualTo(p + "#4");
            assertThat(dead.get(0).letter().getMessage()).startsWith("record 2 ");
            assertThat(dead.get(1).letter().getMessage())
                    .startsWith("record 4 ")
                    .as("the second dead letter describes its own record")
                    .isNotEqualTo(dead.get(0).letter().getMessage());
            if (c == WarcCompression.NONE) {
                assertThat(dead.get(0).letter().getMessage()).contains("at byte " + a.length);
                assertThat(dead.get(1).letter().getMessage())
                        .contains("at byte " + (a.length + broken1.length + b.length));
            }
            assertThat(Fixtures.articles(items).get(1).article().getProvenance())
                    .isEqualTo(p + "#3");
        }
    }

    @Test
    void notAWarcAtAllIsOneDeadLetter() throws Exception {
        List<Item> items =
                read(Fixtures.write(dir, "fake.warc.gz", "plain text, not gzip".getBytes(StandardCharsets.UTF_8)));
        assertThat(Fixtures.dead(items)).hasSize(1);
        assertThat(Fixtures.articles(items)).isEmpty();
    }

    /** Every sample in the shared data set is read to its end without an exception escaping. */
    @Test
    void sharedSampleWarcsAreReadWithoutCrashing() throws Exception {
        Path shared = SharedData.dir("warc");
        List<Path> files;
        try (Stream<Path> s = Files.list(shared)) {
            files = s.sorted().toList();
        }
        int articles = 0;
        int dead = 0;
        for (Path f : files) {
            List<Item> items = new ArrayList<>();
            Sources.offline().forEach(f, items::add);
            articles += Fixtures.articles(items).size();
            dead += Fixtures.dead(items).size();
        }
        assertThat(articles).isPositive();
        assertThat(dead).isPositive();
    }
}
