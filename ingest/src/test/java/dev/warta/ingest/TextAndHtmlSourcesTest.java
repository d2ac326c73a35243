package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.RawArticle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAndHtmlSourcesTest {
    @TempDir
    Path dir;

    private final Sources sources = Sources.offline();

    private List<Item> read(Path p) {
        List<Item> items = new java.util.ArrayList<>();
        sources.forEach(p, items::add);
        return items;
    }

    @Test
    void textPageTitleIsFirstNonEmptyLineAndBodyIsKeptAsIs() throws Exception {
        Path p = Fixtures.write(dir, "page.txt", Fixtures.TEXT_PAGE);
        RawArticle a = Fixtures.articles(read(p)).get(0).article();
        assertThat(a.getTitle()).isEqualTo("Warga Gotong Royong Bersihkan Sungai Ciliwung");
        assertThat(a.getBody()).isEqualTo(Fixtures.TEXT_PAGE);
        assertThat(a.getContentType()).isEqualTo("text/plain");
        assertThat(a.getSourceType()).isEqualTo("text");
        assertThat(a.getProvenance()).isEqualTo(p.toString());
        assertThat(a.getUrl()).isNull();
        assertThat(a.getContentHash()).isEqualTo(ArticleIds.sha256Hex(Fixtures.TEXT_PAGE));
    }

    @Test
    void sameTextSavedWithWindowsLineEndingsGetsTheSameId() throws Exception {
        Path unix = Fixtures.write(dir, "a.txt", Fixtures.TEXT_PAGE);
        Path windows = Fixtures.write(dir, "b.txt", Fixtures.TEXT_PAGE.replace("\n", "\r\n"));
        assertThat(Fixtures.articles(read(unix)).get(0).article().getId())
                .isEqualTo(Fixtures.articles(read(windows)).get(0).article().getId());
    }

    @Test
    void emptyMissingAndBinaryFilesBecomeDeadLetters() throws Exception {
        Path empty = Fixtures.write(dir, "empty.txt", "\n  \n");
        Path binary = Fixtures.write(
                dir, "garbage.txt", new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, 0, (byte) 0xc3, 0x28});
        assertThat(Fixtures.dead(read(empty)))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("empty"));
        assertThat(Fixtures.dead(read(binary))).singleElement().satisfies(d -> {
            assertThat(d.letter().getReason()).isEqualTo("invalid-encoding");
            assertThat(d.letter().getPayloadHead().remaining()).isEqualTo(8);
        });
        assertThat(Fixtures.dead(read(dir.resolve("missing.html"))))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("unreadable"));
        assertThat(Fixtures.dead(read(Fixtures.write(dir, "notes.docx", "x"))))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("unsupported-type"));
    }

    @Test
    void emojiOnlyAndMixedScriptTextIsStillAnArticle() throws Exception {
        Path p = Fixtures.write(dir, "emoji.txt", "🔥🔥🔥 الخبر Берита 新闻\n😀");
        assertThat(Fixtures.articles(read(p)))
                .singleElement()
                .satisfies(a -> assertThat(a.article().getTitle()).isEqualTo("🔥🔥🔥 الخبر Берита 新闻"));
    }

    @Test
    void fileOverTheSizeLimitIsRefused() throws Exception {
        Sources small = new Sources(
                IngestLimits.defaults().withMaxPageBytes(1000), dev.warta.ingest.fetch.PageFetcher.disabled());
        Path p = Fixtures.write(dir, "big.txt", "Judul\n" + "kata ".repeat(500));
        List<Item> items = new java.util.ArrayList<>();
        small.forEach(p, items::add);
        assertThat(Fixtures.dead(items))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("too-large"));
    }

    @Test
    void htmlUsesCanonicalLinkLangAndTitle() throws Exception {
        Path p = Fixtures.write(dir, "bus.html", Fixtures.ARTICLE_HTML);
        RawArticle a = Fixtures.articles(read(p)).get(0).article();
        assertThat(a.getUrl()).isEqualTo("https://berita.example/kota/bus-listrik-bogor");
        assertThat(a.getOriginalUrl()).isEqualTo("https://berita.example/kota/bus-listrik-bogor?utm_source=home");
        assertThat(a.getId()).isEqualTo(ArticleIds.urlId("https://berita.example/kota/bus-listrik-bogor"));
        assertThat(a.getLanguageHint()).isEqualTo("id");
        assertThat(a.getTitle()).isEqualTo("Pemkot Bogor Tambah Armada Bus Listrik");
        assertThat(a.getBody()).isEqualTo(Fixtures.ARTICLE_HTML);
        assertThat(a.getCharset()).isEqualTo("UTF-8");
    }

    @Test
    void htmlFallsBackToOgUrlWithAttributesInAnyOrder() throws Exception {
        Path p = Fixtures.write(
                dir,
                "og.htm",
                "<html><head><meta content='https://berita.example/og?b=2&amp;a=1' property=og:url>"
                        + "</head><body>Isi</body></html>");
        assertThat(Fixtures.articles(read(p)).get(0).article().getUrl()).isEqualTo("https://berita.example/og?a=1&b=2");
    }

    @Test
    void canonicalPointingToTheHomePageIsIgnoredForADeeperPage() {
        var draft = new dev.warta.ingest.source.Records.Draft("warc", "s", "s#1");
        Item item = Sources.offline()
                .html()
                .fromBytes(
                        "<html><head><link rel=canonical href='https://kabar.example/'></head></html>"
                                .getBytes(StandardCharsets.UTF_8),
                        null,
                        "https://kabar.example/2024/berita-a",
                        draft);
        assertThat(((Item.Article) item).article().getUrl()).isEqualTo("https://kabar.example/2024/berita-a");
        var home = new dev.warta.ingest.source.Records.Draft("warc", "s", "s#2");
        Item relative = Sources.offline()
                .html()
                .fromBytes(
                        "<html><head><link rel=canonical href='/2024/berita-b'></head></html>"
                                .getBytes(StandardCharsets.UTF_8),
                        null,
                        "https://m.kabar.example/x?amp=1",
                        home);
        assertThat(((Item.Article) relative).article().getUrl()).isEqualTo("https://m.kabar.example/2024/berita-b");
    }

    @Test
    void htmlWithoutUrlGetsAnIdFromItsVisibleText() throws Exception {
        Path a = Fixtures.write(dir, "a.html", "<html><body><p>Harga cabai naik</p></body></html>");
        Path b = Fixtures.write(dir, "b.html", "<html>\n<body class='x'>\n<p>Harga cabai naik</p>\n</body></html>");
        assertThat(Fixtures.articles(read(a)).get(0).article().getId())
                .isEqualTo(Fixtures.articles(read(b)).get(0).article().getId());
    }

    @Test
    void htmlCharsetFromMetaDecodesLegacyBytes() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "<title>Caf\u00e9 na Pra\u00e7a</title></head><body>\u00e9</body></html>";
        Path p = Fixtures.write(dir, "legacy.html", html.getBytes(Charset.forName("windows-1252")));
        RawArticle a = Fixtures.articles(read(p)).get(0).article();
        assertThat(a.getTitle()).isEqualTo("Caf\u00e9 na Pra\u00e7a");
        assertThat(a.getCharset()).isEqualTo("windows-1252");
    }

    @Test
    void htmlByteOrderMarkWinsOverMeta() throws Exception {
        byte[] body = "<html><head><meta charset=iso-8859-2><title>Ż</title></head></html>"
                .getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        RawArticle a = Fixtures.articles(read(Fixtures.write(dir, "bom.html", withBom)))
                .get(0)
                .article();
        assertThat(a.getTitle()).isEqualTo("Ż");
        assertThat(a.getCharset()).isEqualTo("UTF-16LE");
    }

    @Test
    void htmlWithAFewInvalidBytesIsDecodedWithReplacement() throws Exception {
        byte[] good = "<html><body>Berita hari ini: ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = (byte) 0xC3;
        bytes[good.length + 1] = (byte) 0x28;
        bytes[good.length + 2] = 'x';
        RawArticle a = Fixtures.articles(read(Fixtures.write(dir, "bad.html", bytes)))
                .get(0)
                .article();
        assertThat(a.getBody()).contains("\uFFFD");
        assertThat(a.getMetadata()).containsEntry("encoding.malformed", "1");
    }

    @Test
    void gzippedHtmlIsRead() throws Exception {
        Path p = Fixtures.write(
                dir, "bus.html.gz", Fixtures.gzip(Fixtures.ARTICLE_HTML.getBytes(StandardCharsets.UTF_8)));
        assertThat(Fixtures.articles(read(p)).get(0).article().getTitle())
                .isEqualTo("Pemkot Bogor Tambah Armada Bus Listrik");
    }

    @Test
    void gzipBombStopsAtTheLimitAsADeadLetter() throws Exception {
        Sources small = new Sources(
                IngestLimits.defaults().withMaxPageBytes(4L << 20), dev.warta.ingest.fetch.PageFetcher.disabled());
        Path p = Fixtures.write(dir, "bomb.html.gz", Fixtures.gzipBomb(64L << 20));
        assertThat(java.nio.file.Files.size(p)).isLessThan(200_000);
        List<Item> items = new java.util.ArrayList<>();
        small.forEach(p, items::add);
        assertThat(Fixtures.dead(items))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("too-large"));
    }

    @Test
    void truncatedGzipIsADeadLetter() throws Exception {
        byte[] gz = Fixtures.gzip(Fixtures.ARTICLE_HTML.getBytes(StandardCharsets.UTF_8));
        Path p = Fixtures.write(dir, "cut.html.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
        assertThat(Fixtures.dead(read(p)))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("bad-gzip"));
    }
}
