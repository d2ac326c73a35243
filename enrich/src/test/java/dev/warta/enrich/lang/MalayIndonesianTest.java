package dev.warta.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MalayIndonesianTest {

    private static List<TrainMalayIndonesian.Source> sources() {
        return List.of(
                new TrainMalayIndonesian.Source(
                        "ms-a",
                        true,
                        1,
                        List.of(
                                "Kerajaan berkata wang itu akan dipulangkan kerana mahkamah membuat keputusan.",
                                "Polis menahan seorang lelaki selepas kemalangan di lebuh raya semalam.",
                                "Kualiti perkhidmatan universiti itu semakin baik.")),
                new TrainMalayIndonesian.Source(
                        "ms-b",
                        true,
                        1,
                        List.of(
                                "Pelancong boleh membeli tiket di kaunter stesen bas.",
                                "Kerajaan akan memberi wang bantuan kepada peniaga kecil kerana harga naik.")),
                new TrainMalayIndonesian.Source(
                        "id-a",
                        false,
                        1,
                        List.of(
                                "Pemerintah bilang uang itu akan dikembalikan karena pengadilan memutuskan begitu.",
                                "Polisi menahan seorang pria setelah kecelakaan di jalan tol kemarin.",
                                "Kualitas layanan universitas itu makin baik.",
                                "Wisatawan bisa membeli tiket di loket stasiun bus.")));
    }

    private static byte[] bytes(MalayIndonesian m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    @Test
    void trainingTwiceGivesIdenticalModels() throws IOException {
        assertThat(bytes(TrainMalayIndonesian.train(sources(), 2, 4000)))
                .isEqualTo(bytes(TrainMalayIndonesian.train(sources(), 2, 4000)));
    }

    @Test
    void trainedModelSurvivesARoundTripAndPointsEachWayWhileSharedWordsStayNeutral() throws IOException {
        MalayIndonesian m =
                MalayIndonesian.read(new ByteArrayInputStream(bytes(TrainMalayIndonesian.train(sources(), 2, 4000))));
        String malay = "Kerajaan memberi wang kerana";
        String indonesian = "Pemerintah memberi uang karena";
        assertThat(m.logOdds(malay, 0, malay.length())).isGreaterThan(1f);
        assertThat(m.logOdds(indonesian, 0, indonesian.length())).isLessThan(-1f);
        // 'itu' and 'seorang' occur on both sides alike
        String shared = "itu seorang";
        assertThat(Math.abs(m.logOdds(shared, 0, shared.length())))
                .isLessThan(Math.abs(m.logOdds(malay, 0, malay.length())) / 3);
    }

    @Test
    void featuresCoverWordsPairsAndTheAffixesOfEachWord() {
        List<Integer> one = features("kualitinya");
        // one word: the word itself plus the 3- and 4-grams of ^kualitinya$ (10 + 9)
        assertThat(one).hasSize(1 + 10 + 9);
        List<Integer> two = features("Kualitinya baik");
        // second word, its pair with the first, and its n-grams (^baik$: 4 + 3)
        assertThat(two).hasSize(one.size() + 2 + 4 + 3);
        assertThat(features("KUALITINYA")).isEqualTo(one);
        // a full stop breaks the pair
        assertThat(features("Kualitinya. Baik")).hasSize(two.size() - 1);
    }

    @Test
    void wordRunsAreRunsOfWholeWords() {
        Random random = new Random(1);
        String text = "satu dua tiga empat lima";
        for (int i = 0; i < 20; i++) {
            long span = TrainMalayIndonesian.wordRun(text, 2, random);
            String run = text.substring((int) (span >>> 32), (int) span);
            assertThat(run.split(" ")).hasSize(2);
            assertThat(text).contains(run);
        }
        assertThat(TrainMalayIndonesian.wordRun("dua kata", 3, random)).isEqualTo(8L);
    }

    private static List<Integer> features(String text) {
        List<Integer> out = new ArrayList<>();
        MalayIndonesian.features(text, 0, text.length(), 20, out::add);
        return out;
    }
}
