package dev.warta.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
    private static final String S1 =
            "Pemerintah kota mengumumkan rencana perbaikan jalan di kawasan pusat mulai pekan depan.";
    private static final String S2 =
            "Kepala dinas mengatakan pekerjaan akan dilakukan pada malam hari agar tidak mengganggu lalu lintas.";
    private static final String S3 =
            "\"Kami minta warga bersabar selama proyek berlangsung,\" ujarnya kepada wartawan, Rabu.";
    private final TextCleaner cleaner = new TextCleaner();

    private static String story() {
        return S1 + "\n\n" + S2 + "\n\n" + S3;
    }

    private static void assertStoryKept(Cleaned c) {
        assertThat(c.text()).contains(S1).contains(S2).contains(S3);
    }

    @Test
    void keepsEveryStorySentenceOfACleanPage() {
        Cleaned c = cleaner.clean("Jalan Pusat Kota Diperbaiki", story());
        assertThat(c.text()).isEqualTo(S1 + "\n\n" + S2 + "\n\n" + S3);
    }

    @Test
    void removesNavigationListsAroundTheStory() {
        String page = "Home\nNews\nSport\nEkonomi\nHiburan\n\n" + story() + "\n\nKanal\nNetwork\nLive TV\nTentang Kami";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text()).doesNotContain("Sport").doesNotContain("Live TV").doesNotContain("Tentang Kami");
    }

    @Test
    void removesShareSubscribeAndAppPrompts() {
        String page = "Get the News App with new looks!\nShare:\n" + story()
                + "\n\nFollow WhatsApp Channel kami untuk update berita terbaru setiap hari! Follow\nBagikan Artikel Ini";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text()).doesNotContain("App").doesNotContain("WhatsApp").doesNotContain("Bagikan");
    }

    @Test
    void removesRelatedLinksIncludingMidArticleAndGluedOnes() {
        String page = S1 + "\n\nBaca Juga: Warga Keluhkan Jalan Berlubang di Pinggiran Kota\n\n" + S2
                + " Baca juga: Tarif Parkir Naik Mulai Bulan Depan\n\nRead Next : Mayor Opens New Bridge\n\n" + S3
                + "\n\nBaca Juga";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text())
                .doesNotContainIgnoringCase("baca juga")
                .doesNotContain("Read Next")
                .doesNotContain("Berlubang")
                .doesNotContain("Tarif Parkir");
    }

    @Test
    void removesAdvertisementAndScrollMarkersEvenWhenGlued() {
        String page = S1 + "SCROLL TO CONTINUE WITH CONTENT" + S2 + "\n\nAdvertisement . Scroll to see content\n\n"
                + "ADVERTISEMENT\n" + S3;
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text()).doesNotContainIgnoringCase("scroll").doesNotContainIgnoringCase("advertisement");
    }

    @Test
    void cutsEditorPhotoAndReporterCreditsIntoCredits() {
        String page = "Warga melintas di jalan yang rusak. (Foto: Dok. Warga)\n\n" + story()
                + "\n\nEditor : Budi Santoso\nReporter: Sari Dewi\n(ABC/xyz)";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text())
                .doesNotContain("Budi Santoso")
                .doesNotContain("Sari Dewi")
                .doesNotContain("(ABC/xyz)")
                .doesNotContain("Foto");
        assertThat(c.credits())
                .anyMatch(s -> s.contains("Budi Santoso"))
                .anyMatch(s -> s.contains("Sari Dewi"))
                .anyMatch(s -> s.contains("Dok. Warga"))
                .contains("(ABC/xyz)");
    }

    @Test
    void removesCaptionNextToAPhotoCreditLine() {
        String page = "Wali kota meninjau lokasi proyek.\nFoto: Antara/Rudi\n\n" + story();
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text()).doesNotContain("meninjau lokasi").doesNotContain("Antara/Rudi");
    }

    @Test
    void removesCommentWidgetsAndBrowserNotificationInstructions() {
        String page = story() + "\n\nBagaimana tanggapan anda mengenai artikel ini?\n\nKomentar\n\nLOADING\n"
                + "Ikuti langkah berikut ini untuk mendapatkan notifikasi\n\n"
                + "  1. Buka Pengaturan browser Anda\n  2. Klik Allow pada daftar situs\n\nAnda Selesai.";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text())
                .doesNotContain("tanggapan")
                .doesNotContain("Komentar")
                .doesNotContain("Allow")
                .doesNotContain("Selesai");
    }

    @Test
    void removesReligiousBlockUnrelatedToTheStory() {
        String page = story() + "\n\nsumber : Antara\nAdvertisement\nYuk Ngaji Hari Ini\n"
                + "إِنَّ مَعَ الْعُسْرِ يُسْرًا\n"
                + "Karena sesungguhnya sesudah kesulitan itu ada kemudahan, dan Tuhanmu Maha Pemurah kepada hamba-Nya.\n\n"
                + "(QS. Al-Insyirah ayat 5)\n\nBerita Lainnya\nAdvertisement";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text())
                .doesNotContain("Ngaji")
                .doesNotContain("kesulitan")
                .doesNotContain("QS.")
                .doesNotContain("Berita Lainnya");
        assertThat(c.text()).doesNotContainPattern("\\p{InArabic}");
    }

    @Test
    void removesFooterAndPromotionalLines() {
        String page =
                story() + "\n\nKami membuka kesempatan bagi Anda yang ingin menjadi mitra media melalui program kami."
                        + " Klik lebih lanjut\nPowered by Contoh.id\n© 2024 Contoh Media. All rights reserved.";
        Cleaned c = cleaner.clean(null, page);
        assertStoryKept(c);
        assertThat(c.text())
                .doesNotContain("kesempatan")
                .doesNotContain("Powered")
                .doesNotContain("rights");
    }

    @Test
    void removesRepeatedTitleAndSectionLabel() {
        String title = "Jalan Pusat Kota Diperbaiki Mulai Pekan Depan";
        String page = "WORLD\n\n" + title + "\n\n" + story();
        Cleaned c = cleaner.clean(title, page);
        assertThat(c.text()).isEqualTo(S1 + "\n\n" + S2 + "\n\n" + S3);
    }

    @Test
    void keepsShortStoryLinesInsideTheArticle() {
        String page = S1 + "\n\"Setuju,\" jawab para peserta rapat.\nKesimpulan:\n" + S2;
        Cleaned c = cleaner.clean(null, page);
        assertThat(c.text())
                .contains("\"Setuju,\" jawab para peserta rapat.")
                .contains("Kesimpulan:")
                .contains(S2);
    }

    @Test
    void findsPublicationTimeOnADateLineNearTheTop() {
        Cleaned c = cleaner.clean("Judul", "Rina Wati - 21 Januari 2022 19:36 WIB\n\n" + story());
        assertThat(c.publishedAt()).isEqualTo("2022-01-21T19:36:00+07:00");
        assertThat(c.publishedAtRule()).isEqualTo("dateline");
        assertThat(c.text()).doesNotContain("Januari");
        assertThat(c.credits()).contains("Rina Wati");
    }

    @Test
    void prefersAPublishedLabelOverOtherDates() {
        Cleaned c = cleaner.clean(null, "Kamis, 3 Maret 2022\nDiterbitkan: 2 Maret 2022 08:00 WIB\n\n" + story());
        assertThat(c.publishedAt()).isEqualTo("2022-03-02T08:00:00+07:00");
        assertThat(c.publishedAtRule()).isEqualTo("published-label");
    }

    @Test
    void takesTheDateFromATitleThatIsOnlyADate() {
        Cleaned c = cleaner.clean("Jumat 03 Dec 2021 20:16 WIB", story());
        assertThat(c.publishedAt()).isEqualTo("2021-12-03T20:16:00+07:00");
        assertThat(c.publishedAtRule()).isEqualTo("title-line");
    }

    @Test
    void doesNotTakeADateMentionedInsideAStorySentence() {
        Cleaned c = cleaner.clean(
                null,
                "Menteri bertemu mitranya melalui telepon, Jumat (29/7/2022), untuk membahas"
                        + " kerja sama perdagangan.\n\n" + S2);
        assertThat(c.publishedAt()).isNull();
        assertThat(c.text()).contains("(29/7/2022)");
    }

    @Test
    void neverThrowsOnBadInput() {
        assertThat(cleaner.clean(null, null).text()).isEmpty();
        assertThat(cleaner.clean("", "").text()).isEmpty();
        assertThat(cleaner.clean("😀", "😀😀😀\n\n🎉").text()).isNotNull();
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            garbage.append((char) (i * 31 % 0xFFFF));
        }
        assertThat(cleaner.clean("x", garbage.toString())).isNotNull();
        assertThat(cleaner.clean("x", (S1 + "\n").repeat(50_000)).text()).contains(S1);
        assertThat(cleaner.clean(
                                "Кириллица",
                                "Это предложение написано по-русски и содержит много слов.\n\n"
                                        + "中文句子也应该被保留下来，因为它是故事的一部分。")
                        .text())
                .contains("по-русски")
                .contains("中文句子");
    }

    @Test
    void extractedTextKeepsShortHeadingsListsAndRepeatedLinesButDropsAdsAndCredits() {
        String text = "Latar belakang\n\n" + S1 + "\n\nTiga ruas jalan\n\nJalan Merdeka\n\nJalan Sudirman\n\n"
                + "Jalan Thamrin\n\nJalan Gatot Subroto\n\n" + S2 + "\n\nADVERTISEMENT\n\nJalan Merdeka\n\n" + S3
                + "\n\nEditor: Rina Wulandari";
        Cleaned c = cleaner.cleanExtracted("Jalan Pusat Kota Diperbaiki", text);
        assertStoryKept(c);
        assertThat(c.text())
                .startsWith("Latar belakang")
                .contains("Tiga ruas jalan", "Jalan Sudirman", "Jalan Thamrin")
                .doesNotContain("ADVERTISEMENT", "Editor");
        assertThat(c.text().split("Jalan Merdeka", -1)).hasSize(3);
        assertThat(c.credits()).contains("Editor: Rina Wulandari");
    }

    @Test
    void plainTextPageStillLosesItsNavigationRunsAndRepeats() {
        String text = "Latar belakang\n\n" + S1 + "\n\nJalan Merdeka\n\nJalan Sudirman\n\nJalan Thamrin\n\n"
                + "Jalan Gatot Subroto\n\n" + S2 + "\n\n" + S3 + "\n\nKanal";
        Cleaned c = cleaner.clean("Jalan Pusat Kota Diperbaiki", text);
        assertThat(c.text()).isEqualTo(S1 + "\n\n" + S2 + "\n\n" + S3);
    }
}
