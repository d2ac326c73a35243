package dev.warta.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    private static final LanguageDetector LANG = LanguageDetector.load();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "id | Pemerintah kota berencana membangun jembatan baru karena warga sering terjebak macet setiap pagi.",
                "id | Saya tidak bisa datang ke kantor besok karena anak saya sedang sakit.",
                "id | Harga cabai di pasar tradisional naik hampir dua kali lipat menjelang akhir tahun.",
                "ms | Kerajaan negeri akan membina jambatan baharu kerana penduduk sering terperangkap dalam kesesakan.",
                "ms | Polis berkata mangsa dibawa ke hospital selepas kemalangan itu berlaku pada pukul 8 pagi semalam.",
                "en | The city council plans to build a new bridge because residents are stuck in traffic every morning.",
                "de | Die Stadtverwaltung plant eine neue Brücke, weil die Einwohner jeden Morgen im Stau stehen.",
                "fr | La mairie prévoit de construire un nouveau pont car les habitants sont bloqués chaque matin.",
                "es | El ayuntamiento planea construir un puente nuevo porque los vecinos se atascan cada mañana.",
                "nl | De gemeente wil een nieuwe brug bouwen omdat de bewoners elke ochtend in de file staan.",
                "vi | Thành phố dự định xây một cây cầu mới vì người dân bị kẹt xe mỗi buổi sáng.",
                "jv | Aku arep lunga menyang pasar karo ibuku sesuk esuk amarga kudu tuku sayuran.",
                "su | Abdi bade angkat ka pasar sareng indung abdi enjing-enjing kanggo meser sayuran.",
                "ar | أعلنت الحكومة عن خطة لبناء جسر جديد في المدينة.",
                "ru | Городские власти планируют построить новый мост через реку.",
                "zh | 市政府计划在河上修建一座新桥。",
                "ja | 市はこの川に新しい橋を建設する予定です。",
                "ko | 시는 강 위에 새 다리를 건설할 계획이다.",
                "th | รัฐบาลมีแผนจะสร้างสะพานแห่งใหม่ในเมือง",
            })
    void detectsTheLanguageOfASentence(String expected, String text) {
        assertThat(LANG.detect(text).code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ms | Saya tak faham kenapa dia mahu pulang awal.",
                "ms | Kedai itu ditutup kerana cuti umum.",
                "ms | Pelancong asing semakin ramai.",
                "id | Saya nggak ngerti kenapa dia mau pulang cepat.",
                "id | Tokonya tutup karena libur nasional.",
                "id | Jumlah wisatawan asing terus bertambah.",
            })
    void tellsShortMalayAndIndonesianSentencesApart(String expected, String text) {
        assertThat(LANG.detect(text).code()).isEqualTo(expected);
    }

    @Test
    void affixedMalayFormsCountAsMalay() {
        // kualiti/universiti and the -kan/-nya forms built on them are Malay spellings (Indonesian: kualitas)
        assertThat(LANG.detect("Kualitinya dipertingkatkan oleh pihak universiti.")
                        .code())
                .isEqualTo("ms");
        assertThat(LANG.detect("Kualitasnya ditingkatkan oleh pihak universitas.")
                        .code())
                .isEqualTo("id");
    }

    @Test
    void shortLineWithoutDistinctiveWordsGetsLowConfidence() {
        // words Malay and Indonesian share: whichever way it falls, the confidence says it is a guess
        LanguageResult shared = LANG.detect("Dia membaca buku di rumah.");
        assertThat(shared.code()).isIn("id", "ms");
        assertThat(shared.confidence()).isLessThan(0.8);
        assertThat(LANG.detect(
                                "Kerajaan berkata wang itu akan dipulangkan kepada mangsa kerana mahkamah memutuskan demikian.")
                        .confidence())
                .isGreaterThan(0.95);
        assertThat(LANG.detect(
                                "Pemerintah bilang uangnya akan dikembalikan ke korban karena pengadilan memutuskan begitu.")
                        .confidence())
                .isGreaterThan(0.95);
    }

    @Test
    void articleMixingMalayAndIndonesianParagraphsReportsBoth() {
        List<String> paragraphs = List.of(
                "Kerajaan negeri akan membina jambatan baharu kerana penduduk sering terperangkap dalam kesesakan lalu lintas setiap pagi.",
                "Menurut beliau, projek itu dijangka siap sepenuhnya pada hujung tahun hadapan dan kosnya ditanggung kerajaan persekutuan.",
                "Sementara itu, pemerintah Indonesia bilang proyek serupa di Kalimantan sudah rampung karena anggarannya cair lebih cepat.",
                "Polis berkata mangsa dibawa ke hospital selepas kemalangan itu berlaku.");
        DocumentLanguage r = LANG.detectDocument(paragraphs, null);
        assertThat(r.document().code()).isEqualTo("ms");
        assertThat(r.paragraphs()).extracting(LanguageResult::code).containsExactly("ms", "ms", "id", "ms");
    }

    @Test
    void inputWithoutLettersIsUnknown() {
        for (String s : List.of("", "   ", "12345 678,90", "😀😂🎉👍", "!!! ??? ...", "\u0000\u0001\u0002")) {
            LanguageResult r = LANG.detect(s);
            assertThat(r.code()).as(s).isEqualTo("und");
            assertThat(r.confidence()).isZero();
        }
        assertThat(LANG.detect(null)).isEqualTo(LanguageResult.UNKNOWN);
    }

    @Test
    void garbageAndHugeInputNeverThrow() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            char[] chars = new char[random.nextInt(300)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x10000); // includes lone surrogates
            }
            LanguageResult r = LANG.detect(new String(chars));
            assertThat(r).isNotNull();
            assertThat(r.code()).isNotNull();
            assertThat(r.confidence()).isBetween(0.0, 1.0);
        }
        String huge = "Presiden meresmikan jalan tol baru di Jawa Tengah. ".repeat(20_000); // ~1 MB
        assertThat(LANG.detect(huge).code()).isEqualTo("id");
        assertThat(LANG.detectDocument(List.of(huge, huge), null).document().code())
                .isEqualTo("id");
    }

    @Test
    void mixedScriptLineFollowsTheScriptWithMostLetters() {
        assertThat(LANG.detect(
                                "Selamat Idul Fitri untuk seluruh keluarga besar kami, mohon maaf lahir dan batin: عيد مبارك")
                        .code())
                .isEqualTo("id");
        assertThat(LANG.detect("بسم الله الرحمن الرحيم الحمد لله رب العالمين (Al-Fatihah)")
                        .code())
                .isEqualTo("ar");
    }

    @Test
    void shortParagraphFollowsTheDocument() {
        List<String> paragraphs = List.of(
                "Pemerintah provinsi menyiapkan anggaran tambahan untuk memperbaiki jalan yang rusak akibat banjir.",
                "Anak itu diam saja.",
                "Menurut kepala dinas, pekerjaan akan dimulai pekan depan dan ditargetkan selesai sebelum Lebaran.");
        DocumentLanguage r = LANG.detectDocument(paragraphs, null);
        assertThat(r.document().code()).isEqualTo("id");
        assertThat(r.paragraphs()).extracting(LanguageResult::code).containsExactly("id", "id", "id");
    }

    @Test
    void clearlyForeignParagraphsKeepTheirOwnLanguage() {
        List<String> paragraphs = List.of(
                "Presiden menyampaikan pidato di depan ribuan mahasiswa di Yogyakarta pada Senin pagi.",
                "\"We are committed to working together with Indonesia on climate change,\" the ambassador said.",
                "إن الله مع الصابرين",
                "Acara itu ditutup dengan doa bersama dan makan siang di halaman kampus.");
        DocumentLanguage r = LANG.detectDocument(paragraphs, "id");
        assertThat(r.document().code()).isEqualTo("id");
        assertThat(r.paragraphs()).extracting(LanguageResult::code).containsExactly("id", "en", "ar", "id");
    }

    @Test
    void hintDecidesATinyDocumentAndParagraphsWithoutLettersFollowTheDocument() {
        DocumentLanguage r = LANG.detectDocument(Arrays.asList("Foto: dok. pribadi", "2025", null, ""), "id-ID");
        assertThat(r.document().code()).isEqualTo("id");
        assertThat(r.paragraphs()).hasSize(4);
        assertThat(r.paragraphs().get(1).code()).isEqualTo("id");
        assertThat(r.paragraphs().get(1).confidence()).isLessThan(r.document().confidence());
    }

    @Test
    void malayArticleIsMalayEvenWithIndonesianLookingParagraphs() {
        List<String> paragraphs = List.of(
                "Kerajaan akan memperkenalkan skim bantuan baharu kepada peniaga kecil selepas mesyuarat kabinet minggu ini.",
                "Menurut beliau, sebarang permohonan boleh dibuat menerusi laman web rasmi kementerian.",
                "Program itu dijangka bermula bulan depan.");
        DocumentLanguage r = LANG.detectDocument(paragraphs, null);
        assertThat(r.document().code()).isEqualTo("ms");
        assertThat(r.paragraphs()).extracting(LanguageResult::code).containsOnly("ms");
    }

    @Test
    void emptyDocumentIsUnknown() {
        assertThat(LANG.detectDocument(List.of(), null).document()).isEqualTo(LanguageResult.UNKNOWN);
        assertThat(LANG.detectDocument(null, "id").paragraphs()).isEmpty();
    }

    @Test
    void hintsAreNormalized() {
        assertThat(LanguageDetector.normalizeHint("id-ID")).isEqualTo("id");
        assertThat(LanguageDetector.normalizeHint("in")).isEqualTo("id");
        assertThat(LanguageDetector.normalizeHint("ms_MY")).isEqualTo("ms");
        assertThat(LanguageDetector.normalizeHint(" EN-us ")).isEqualTo("en");
        assertThat(LanguageDetector.normalizeHint("")).isNull();
        assertThat(LanguageDetector.normalizeHint("<script>")).isNull();
    }

    @Test
    void sharedDetectorGivesTheSameAnswersFromManyThreads() throws Exception {
        List<String> lines = List.of(
                "Harga beras naik lagi minggu ini.", "Kerajaan berkata wang itu akan dipulangkan.",
                "The match was postponed because of the rain.", "Sing penting awake dhewe tetep rukun.",
                "Das Wetter bleibt morgen freundlich.", "Le train est arrivé en retard.");
        List<String> expected = lines.stream().map(l -> LANG.detect(l).code()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    List<String> got = new ArrayList<>();
                    for (int r = 0; r < 200; r++) {
                        got.clear();
                        for (String l : lines) {
                            got.add(LANG.detect(l).code());
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<String>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
