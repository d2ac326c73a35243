package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {
    private static final EntityTagger TAGGER = EntityTagger.load();

    private static Mention find(List<Mention> ms, String surface) {
        return ms.stream()
                .filter(m -> m.text().equals(surface))
                .findFirst()
                .orElseThrow(() -> new AssertionError(surface + " not found in " + ms));
    }

    @Test
    void shouldTagIndonesianNewsSentenceWithCanonicalNamesAndQids() {
        String text = "Menteri Luar Negeri Rusia Sergei Lavrov bertemu Menlu AS Antony Blinken di Jenewa, Swiss, "
                + "pada Jumat (21/1/2022).";
        List<Mention> ms = TAGGER.tag(text);
        Mention lavrov = find(ms, "Sergei Lavrov");
        assertThat(lavrov.type()).isEqualTo("PERSON");
        assertThat(lavrov.canonical()).isEqualTo("Sergey Lavrov");
        assertThat(find(ms, "Antony Blinken").type()).isEqualTo("PERSON");
        Mention geneva = find(ms, "Jenewa");
        assertThat(geneva.type()).isEqualTo("LOCATION");
        assertThat(geneva.canonical()).isEqualTo("Geneva");
        assertThat(geneva.wikidataId()).isEqualTo("Q71");
        assertThat(find(ms, "AS").canonical()).isEqualTo("United States");
        assertThat(find(ms, "Rusia").canonical()).isEqualTo("Russia");
    }

    @Test
    void shouldKeepTheRegionInTheNameOfARegionalOrganisation() {
        List<Mention> ms = TAGGER.tag("Kepolisian Daerah Sumatera Utara menangkap tiga tersangka judi online di Medan, "
                + "sementara Polda Jabar memeriksa saksi di Bandung.");
        assertThat(find(ms, "Kepolisian Daerah Sumatera Utara").type()).isEqualTo("ORGANIZATION");
        assertThat(find(ms, "Medan").type()).isEqualTo("LOCATION");
        assertThat(find(ms, "Jabar").type())
                .as("an acronym keeps the place apart")
                .isEqualTo("LOCATION");
        assertThat(ms).noneMatch(m -> m.text().equals("Sumatera Utara"));
    }

    @Test
    void shouldNotTakePageInstructionsForNames() {
        List<Mention> ms = TAGGER.tag("Cara mendapatkan notifikasi dari Harian Kaltim:\n\n"
                + "Klik Allow pada List Notifications tersebut. Download Aplikasi Harian Kaltim di Google Play.");
        assertThat(ms).noneMatch(m -> m.text().startsWith("Klik") || m.text().startsWith("Download"));
    }

    @Test
    void shouldSplitCountryAndPersonAfterTitle() {
        List<Mention> ms = TAGGER.tag("Dalam kunjungan itu, Menlu AS Blinken tiba di Jakarta pada Selasa malam.");
        assertThat(find(ms, "AS").type()).isEqualTo("LOCATION");
        Mention blinken = find(ms, "Blinken");
        assertThat(blinken.type()).isEqualTo("PERSON");
        assertThat(blinken.canonical()).isEqualTo("Antony Blinken");
    }

    @Test
    void shouldGiveOffsetsThatPointIntoTheText() {
        String text = "Presiden Joko Widodo menerima kunjungan Perdana Menteri Jepang di Istana Bogor.\n\n"
                + "Kedua pemimpin membahas kerja sama ASEAN dan G-20.";
        List<Mention> ms = TAGGER.tag(text);
        assertThat(ms).isNotEmpty();
        for (Mention m : ms) {
            assertThat(text.substring(m.start(), m.end())).isEqualTo(m.text());
        }
        assertThat(find(ms, "G-20").canonical()).isEqualTo("G20");
    }

    @Test
    void shouldResolveSurnameToFullNameSeenInTheSameText() {
        String text = "Juru bicara kepolisian, Komisaris Besar Budi Hartanto, mengatakan penyelidikan masih "
                + "berlangsung. \"Kami masih memeriksa saksi,\" kata Hartanto di Jakarta, Senin.";
        List<Mention> ms = TAGGER.tag(text);
        Mention surname = find(ms, "Hartanto");
        assertThat(surname.type()).isEqualTo("PERSON");
        assertThat(surname.canonical()).isEqualTo("Budi Hartanto");
    }

    @Test
    void shouldMergeSpellingVariantsAcrossTextsAndLanguages() {
        List<Mention> id = TAGGER.tag("Sergei Lavrov mengatakan Rusia tetap mendukung peran PBB, kata Lavrov.");
        List<Mention> en = TAGGER.tag("Russian Foreign Minister Sergey Lavrov told the UN that Russia would "
                + "not attend the talks in Geneva.");
        assertThat(find(id, "Sergei Lavrov").canonical())
                .isEqualTo(find(en, "Sergey Lavrov").canonical());
        assertThat(find(id, "Lavrov").canonical()).isEqualTo("Sergey Lavrov");
        assertThat(find(id, "Rusia").canonical()).isEqualTo(find(en, "Russia").canonical());
        assertThat(find(id, "PBB").canonical())
                .isEqualTo(find(en, "UN").canonical())
                .isEqualTo("United Nations");
    }

    @Test
    void shouldNameAProvinceByItsNameWithoutTheProvinceWord() {
        List<Mention> ms = TAGGER.tag("Pemerintah Provinsi Kalimantan Timur meresmikan jembatan baru di Samarinda. "
                + "Gubernur Kalimantan Timur hadir bersama warga.");
        List<Mention> province =
                ms.stream().filter(m -> m.text().startsWith("Provinsi ")).toList();
        assertThat(province)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.canonical()).isEqualTo("Kalimantan Timur"));
        assertThat(EntityTagger.withoutProvinceWord("Provinsi Jawa Barat")).isEqualTo("Jawa Barat");
        assertThat(EntityTagger.withoutProvinceWord("Province of Aceh")).isEqualTo("Aceh");
        assertThat(EntityTagger.withoutProvinceWord("Kota Bandung")).isNull();
        assertThat(EntityTagger.withoutProvinceWord("Provinsi")).isNull();
    }

    @Test
    void shouldGiveADatelineInCapitalsTheCanonicalOfItsOrdinarySpelling() {
        List<Mention> ms =
                TAGGER.tag("SAMARINDA, Kabar Kaltim - Jembatan baru di Samarinda resmi dibuka oleh wali kota "
                        + "pada Senin pagi. Warga Samarinda menyambut jembatan itu.");
        List<Mention> dateline =
                ms.stream().filter(m -> m.text().equals("SAMARINDA")).toList();
        assertThat(dateline)
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.canonical()).isEqualTo("Samarinda"));
        // capitals without another spelling in the text keep their own form
        assertThat(TAGGER.tag("Kantor KONTRAS di Jakarta didatangi warga."))
                .allSatisfy(m -> assertThat(m.canonical()).isNotEqualTo("Kontras"));
    }

    @Test
    void shouldTagEnglishNames() {
        List<Mention> ms = TAGGER.tag("State Department spokesman Ned Price said Washington was ready to talk "
                + "with Moscow about Paul Whelan.");
        assertThat(find(ms, "Ned Price").type()).isEqualTo("PERSON");
        assertThat(find(ms, "Paul Whelan").type()).isEqualTo("PERSON");
        assertThat(find(ms, "Moscow").type()).isEqualTo("LOCATION");
    }

    @Test
    void shouldNotTreatLowercaseWordAsAcronym() {
        List<Mention> ms = TAGGER.tag("The talks went as planned, he said, and who knows what comes next.");
        assertThat(ms)
                .noneMatch(m ->
                        m.canonical().equals("United States") || m.canonical().equals("World Health Organization"));
    }

    @Test
    void shouldNeverThrowOnBadInput() {
        String longToken = "a".repeat(200_000);
        StringBuilder garbage = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            garbage.append((char) ((i * 7919) % 0xFFFF));
        }
        List<String> inputs = List.of(
                "",
                " ",
                "😀😀😀 🎉",
                "PRESIDEN JOKO WIDODO TIBA DI JAKARTA HARI INI",
                "presiden joko widodo tiba di jakarta hari ini",
                longToken,
                "Путин встретился с Си Цзиньпином в Москве",
                "Jokowi 会见 Xi Jinping di Beijing",
                garbage.toString(),
                "\u0000\u0001\uFFFF\uD800");
        for (String in : inputs) {
            List<Mention> ms = TAGGER.tag(in);
            assertThat(ms).isNotNull();
            for (Mention m : ms) {
                assertThat(m.start()).isBetween(0, in.length());
                assertThat(m.end()).isBetween(m.start(), in.length());
            }
        }
        assertThat(TAGGER.tag(null)).isEmpty();
    }

    @Test
    void shouldReturnOneValidBioTagPerToken() {
        List<List<String>> sentences = List.of(
                List.of("Kapolri", "Jenderal", "Listyo", "Sigit", "Prabowo", "tiba", "di", "Surabaya", "."),
                List.of("kantor", "berita", "rusia", "mengatakan", "presiden", "vladimir", "putin", "hadir"),
                List.of("SEMUA", "HURUF", "BESAR", "DI", "JAKARTA"),
                List.of("", "x".repeat(10_000), "🙂"),
                List.of());
        for (List<String> s : sentences) {
            List<String> tags = TAGGER.tagTokens(s);
            assertThat(tags).hasSameSizeAs(s);
            String prev = "O";
            for (String t : tags) {
                assertThat(NerLabels.NAMES).contains(t);
                if (t.startsWith("I-")) {
                    assertThat(prev).endsWith(t.substring(2));
                }
                prev = t;
            }
        }
        List<String> tags = TAGGER.tagTokens(sentences.get(0));
        assertThat(tags.subList(2, 5)).containsExactly("B-PERSON", "I-PERSON", "I-PERSON");
        assertThat(tags.get(7)).isEqualTo("B-LOCATION");
    }

    @Test
    void shouldGiveSameResultsWhenSharedAcrossThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Menlu Retno Marsudi bertemu Menlu Tiongkok Wang Yi di Beijing pada hari ke-" + i
                    + ". Retno menegaskan dukungan Indonesia bagi ASEAN.");
        }
        List<List<Mention>> expected = texts.stream().map(TAGGER::tag).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Mention>>> futures = new ArrayList<>();
            for (String t : texts) {
                futures.add(pool.submit(() -> TAGGER.tag(t)));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldLabelNewsSentencesAlikeWhetherOrNotFarLowercaseTokensAreScored() {
        String[] sentences = {
            "Gubernur Jawa Barat Ridwan Kamil meresmikan jembatan baru di Kabupaten Garut pada Sabtu pagi .",
            "warga yang tinggal di bantaran sungai diminta waspada karena hujan deras diperkirakan turun sepanjang "
                    + "minggu ini , kata Kepala BPBD Kota Bandung .",
            "The European Central Bank kept rates unchanged on Thursday , and its president Christine Lagarde said "
                    + "inflation was slowing in most member states .",
            "Harga cabai rawit di pasar tradisional naik menjadi Rp 80.000 per kilogram menjelang Natal .",
        };
        for (String sentence : sentences) {
            String[] toks = sentence.split(" ");
            assertThat(TAGGER.labels(toks, null, true, true))
                    .as(sentence)
                    .containsExactly(TAGGER.labels(toks, null, true, false));
            assertThat(TAGGER.labels(toks, null, false, true))
                    .as(sentence)
                    .containsExactly(TAGGER.labels(toks, null, false, false));
        }
    }

    @Test
    void shouldKeepLowercaseWordsFarFromNamesOutsideEntities() {
        String[] toks = ("Menurut Budi , banjir yang melanda desa itu merendam ratusan rumah dan sawah milik "
                        + "petani setempat sejak kemarin sore")
                .split(" ");
        int[] labels = TAGGER.labels(toks, null, true);
        for (int i = 5; i < toks.length; i++) {
            assertThat(labels[i]).as(toks[i]).isZero();
        }
    }

    @Test
    void shouldGiveVillagesInACoordinatedListOneType() {
        List<Mention> ms = TAGGER.tag("Banjir melanda Cibinong, Citeureup, Sukaraja dan Babakan Madang.");
        assertThat(ms).extracting(Mention::text).containsExactly("Cibinong", "Citeureup", "Sukaraja", "Babakan Madang");
        assertThat(ms).extracting(Mention::type).containsOnly("LOCATION");
    }

    @Test
    void shouldTagAnAcronymDefinedInTheSentenceLikeItsExpansion() {
        List<Mention> ms =
                TAGGER.tag("Badan Narkotika Nasional (BNN) menyita sabu di Medan, dan BNN menangkap dua orang.");
        assertThat(ms)
                .filteredOn(m -> m.text().equals("BNN"))
                .hasSize(2)
                .extracting(Mention::type)
                .containsOnly("ORGANIZATION");
    }
}
