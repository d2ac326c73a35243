package dev.warta.enrich.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpamDetectorTest {
    private static final SpamDetector DETECTOR = SpamDetector.load();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    /** A short news story written for these tests. */
    private static final List<String> FLOOD_STORY = List.of(
            "Banjir setinggi lutut orang dewasa merendam tiga kelurahan di Kota Bekasi sejak Selasa pagi setelah"
                    + " hujan deras mengguyur wilayah itu selama enam jam.",
            "Kepala Badan Penanggulangan Bencana Daerah setempat mengatakan sekitar 400 keluarga terdampak dan"
                    + " sebagian warga memilih mengungsi ke masjid dan balai warga terdekat.",
            "Petugas gabungan menyiagakan perahu karet dan dapur umum. Warga diminta mewaspadai hujan susulan"
                    + " yang diperkirakan masih turun hingga akhir pekan.");

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Daftar sekarang di \uD835\uDC0C\uD835\uDC00\uD835\uDC0D\uD835\uDC0F\uD835\uDC04\uD835\uDC0D\uD835\uDFD6\uD835\uDFD6, dijamin maxwin tiap malam!", // math bold
                "Cuma di ＢＯＮＡＮＺＡ７７ depo receh langsung wd, gas bosku", // full-width
                "Slot \u0261\u0430c\u043Er hari ini, RTP live paling akurat, link alternatif di bio", // lookalikes
                "yang lagi nyari s l o t g a c o r langsung gas ke sini", // spaced letters
                "m4xw1n terus dari pagi, g4c0r parah, cu4n masuk rekening", // leetspeak
                "\uD83D\uDD25\uD83D\uDD25 Jepe lagi di KAPAL\u200B88 \uD83D\uDD25 auto wd \uD83D\uDCB0\uD83D\uDCB0", // emoji + zero width
                "Baru gabung di Lautanhoki langsung jackpot, makasih admin"
            }) // no digits, new brand name
    void shouldFlagObfuscatedGamblingPromotionAsSpam(String comment) {
        SpamResult result = DETECTOR.analyze(List.of(comment), null);

        assertThat(result.flagged()).as(comment).isTrue();
        assertThat(result.segments())
                .singleElement()
                .satisfies(s -> assertThat(s.category()).isIn("gambling", "seo-links"))
                .satisfies(s -> assertThat(s.reasons()).isNotEmpty());
        assertThat(result.kept()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Polda Metro Jaya menangkap lima tersangka pengelola situs judi online yang beroperasi dari sebuah"
                        + " ruko di Jakarta Barat. Polisi menyita puluhan ponsel dan buku rekening.",
                "Kementerian Komunikasi dan Digital memblokir lebih dari satu juta konten judi online sepanjang tahun"
                        + " ini, termasuk situs yang menawarkan slot dan togel, kata menteri dalam rapat dengan DPR.",
                "PPATK mencatat perputaran dana judi online mencapai ratusan triliun rupiah dan mengimbau masyarakat"
                        + " tidak tergiur iming-iming menang besar dari permainan slot.",
                "Pengadilan menjatuhkan vonis dua tahun penjara kepada selebgram yang terbukti mempromosikan situs"
                        + " judi dengan iming-iming bonus deposit kepada pengikutnya."
            })
    void shouldNotFlagNewsAboutGambling(String paragraph) {
        List<String> article = new ArrayList<>(FLOOD_STORY.subList(0, 1));
        article.add(paragraph);
        SpamResult result = DETECTOR.analyze(article, null);

        assertThat(result.flagged()).as(paragraph).isFalse();
        assertThat(result.kept()).isEqualTo(article);
    }

    @Test
    void shouldNotFlagOrdinaryNews() {
        SpamResult result = DETECTOR.analyze(FLOOD_STORY, null);

        assertThat(result.flagged()).isFalse();
        assertThat(result.score()).isLessThan(SpamDetector.THRESHOLD);
        assertThat(result.kept()).isEqualTo(FLOOD_STORY);
    }

    @Test
    void shouldCutTogelSeoParagraphsAppendedToRealArticle() {
        List<String> seo = List.of(
                "Keluaran SGP hari ini sudah bisa dicek lewat tabel data sgp terlengkap. Togel Singapore dibuka"
                        + " setiap malam dan hasil pengeluaran sgp diumumkan pukul 17.45 WIB.",
                "Bagi pemain togel online, bocoran angka jitu dan prediksi togel hongkong tersedia gratis. Main"
                        + " togel 4d di bandar togel terpercaya membuat peluang menang semakin besar.");
        List<String> page = new ArrayList<>(FLOOD_STORY);
        page.addAll(seo);

        SpamResult result = DETECTOR.analyze(page, null);

        assertThat(result.flagged()).isTrue();
        assertThat(result.wholePage()).isFalse();
        assertThat(result.kept()).isEqualTo(FLOOD_STORY);
        assertThat(result.segments())
                .extracting(SpamSegmentResult::paragraphIndex)
                .containsExactly(3, 4);
        assertThat(result.segments()).allSatisfy(s -> assertThat(s.category()).isEqualTo("gambling"));
        assertThat(result.segments().get(0).reasons()).contains("togel");
    }

    @Test
    void shouldKeepCleanPartOfParagraphWhenSpamIsAppendedToIt() {
        String news = FLOOD_STORY.get(1);
        String spam =
                "Mending main di \uD835\uDC03\uD835\uDC04\uD835\uDC0B\uD835\uDC13\uD835\uDC00\uD835\uDFD5\uD835\uDFD5, auto maxwin tiap hari!";
        List<String> page = List.of(FLOOD_STORY.get(0), news + " " + spam, FLOOD_STORY.get(2));

        SpamResult result = DETECTOR.analyze(page, null);

        assertThat(result.flagged()).isTrue();
        assertThat(result.kept()).containsExactly(FLOOD_STORY.get(0), news, FLOOD_STORY.get(2));
        assertThat(result.segments()).singleElement().satisfies(s -> {
            assertThat(s.paragraphIndex()).isEqualTo(1);
            assertThat(s.text()).isEqualTo(spam);
            assertThat(s.reasons()).contains("partial-paragraph");
        });
    }

    @Test
    void shouldMarkParasiteGamblingPageAsWholePage() {
        List<String> page = List.of(
                "Situs slot gacor hari ini dengan RTP live tertinggi dan bocoran pola maxwin terbaru.",
                "Daftar akun pro server thailand, deposit pulsa tanpa potongan, bonus new member 100%.",
                "Link alternatif resmi selalu aktif, login sekarang dan raih scatter hitam mahjong ways.",
                "Kontak admin");

        SpamResult result = DETECTOR.analyze(page, null);

        assertThat(result.wholePage()).isTrue();
        assertThat(result.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.segments()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldReportHiddenGamblingLinkBlockFromHtml() {
        String html = "<html><body><article><p>" + FLOOD_STORY.get(0) + "</p></article>"
                + "<div style=\"display:none\"><a href=\"https://x.example/a\">slot gacor</a>"
                + " <a href=\"https://x.example/b\">togel online</a> <a href=\"https://x.example/c\">zeus88</a></div>"
                + "</body></html>";

        SpamResult result = DETECTOR.analyze(List.of(FLOOD_STORY.get(0)), html);

        assertThat(result.flagged()).isTrue();
        assertThat(result.kept()).containsExactly(FLOOD_STORY.get(0));
        assertThat(result.segments()).singleElement().satisfies(s -> {
            assertThat(s.category()).isEqualTo("seo-links");
            assertThat(s.reasons()).contains("hidden-element");
        });
    }

    @Test
    void shouldIgnoreHiddenBlocksWithoutGamblingCues() {
        String html = "<html><body><p>" + FLOOD_STORY.get(0) + "</p>"
                + "<div style=\"display:none\">Menu: Berita, Olahraga, Hiburan, slot iklan</div></body></html>";

        assertThat(DETECTOR.analyze(List.of(FLOOD_STORY.get(0)), html).flagged())
                .isFalse();
    }

    @Test
    void shouldSurviveBadInput() {
        StringBuilder huge = new StringBuilder();
        while (huge.length() < 2_000_000) {
            huge.append("Warga menanam pohon di bantaran sungai. ");
        }
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        String garbage = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> weird = new ArrayList<>();
        weird.add(huge.toString());
        weird.add("\uD83D\uDE02\uD83D\uDE02\uD83D\uDD25\uD83D\uDD25");
        weird.add("Москва 北京 مرحبا Jakarta \uD835\uDC00 ﾃｽﾄ");
        weird.add(garbage);
        weird.add("");
        weird.add(null);
        weird.add("\uD800 lone surrogate \uDC00");

        SpamResult result = DETECTOR.analyze(weird, "<div style='display:none'><<<>>>&&& slot");

        assertThat(result.flagged()).as("%s", result.segments()).isFalse();
        assertThat(result.remaining()).hasSize(weird.size());
        assertThat(DETECTOR.analyze(List.of(), null).flagged()).isFalse();
        assertThat(DETECTOR.analyze(null, null).kept()).isEmpty();
    }

    @Test
    void shouldGiveSameResultsWhenSharedAcrossThreads() throws Exception {
        List<List<String>> inputs = List.of(
                FLOOD_STORY,
                List.of(FLOOD_STORY.get(0), "Main di ZETA88 auto maxwin, link alternatif di bio"),
                List.of("Slot gacor RTP live", "Daftar akun pro sekarang"));
        List<SpamResult> expected = new ArrayList<>();
        for (List<String> in : inputs) {
            expected.add(DETECTOR.analyze(in, null));
        }
        List<Future<SpamResult>> futures = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            List<String> in = inputs.get(i % inputs.size());
            futures.add(POOL.submit(() -> DETECTOR.analyze(in, null)));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(expected.get(i % inputs.size()));
        }
    }
}
