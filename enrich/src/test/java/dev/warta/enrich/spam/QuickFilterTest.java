package dev.warta.enrich.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuickFilterTest {
    private static final SpamDetector DETECTOR = SpamDetector.load();

    @Test
    void shouldPassPlainNewsWithoutNormalising() {
        assertThat(SpamCues.certainlyClean("Pemerintah kota menambah 40 bus listrik untuk rute baru mulai bulan"
                        + " depan, kata kepala dinas perhubungan kepada wartawan, Senin (3/11)."))
                .isTrue();
        assertThat(SpamCues.certainlyClean("Harga cabai naik menjadi Rp55.000 per kilogram di pasar induk,"
                        + " sementara negara G20 menyoroti inflasi pangan."))
                .isTrue();
    }

    @Test
    void shouldNeverPassTextThatTheFullPathFlags() {
        List<String> spam = List.of(
                "Situs slot gacor hari ini, RTP live tertinggi.",
                "main di kapal88 auto wd",
                "yang lagi cari s l o t g a c o r langsung ke sini",
                "Gabung Lautanhoki sekarang juga, cuan tiap hari tanpa ribet dan langsung cair ke rekening kamu",
                "slot gacoorrr parah, maxwiiin terus",
                "Link alternatif slot gacor resmi: www.contoh-situs.com dan www.contoh-lain.net",
                "GA RU DA HO KI terpopuler",
                "Togel hari ini: keluaran sgp dan data sgp terlengkap.",
                "ｓｌｏｔ ｇａｃｏｒ");
        for (String s : spam) {
            assertThat(DETECTOR.analyze(List.of(s), null).flagged()).as(s).isTrue();
            assertThat(SpamCues.certainlyClean(s)).as(s).isFalse();
        }
    }

    @Test
    void shouldSendGamblingNewsToTheFullPath() {
        // the reporting context of an article is read from such paragraphs, so they must not be skipped
        assertThat(SpamCues.certainlyClean("Polisi menangkap bandar judi online di Medan."))
                .isFalse();
    }
}
