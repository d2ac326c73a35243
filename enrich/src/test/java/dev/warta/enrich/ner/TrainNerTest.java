package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainNerTest {
    private static final String[][] NAMES = {
        {"Budi", "Santoso"},
        {"Siti", "Rahma"},
        {"Agus", "Salim"},
        {"Dewi", "Lestari"},
        {"Rudi", "Hartono"},
        {"Ani", "Yulia"}
    };
    private static final String[] CITIES = {"Bandung", "Medan", "Padang", "Malang", "Bogor", "Solo"};

    /** A tiny self-written corpus in the nergrit format: "X kata NAME di CITY ." sentences. */
    private static Path corpus(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String[] n = NAMES[i % NAMES.length];
            sb.append("Hal\tO\nitu\tO\nbenar\tO\n,\tO\nkata\tO\n")
                    .append(n[0])
                    .append("\tB-PERSON\n")
                    .append(n[1])
                    .append("\tI-PERSON\ndi\tO\n")
                    .append(CITIES[(i * 5) % CITIES.length])
                    .append("\tB-PLACE\n.\tO\n\n");
        }
        Path f = dir.resolve("toy-train.txt");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void shouldLearnTheCorpusAndTrainDeterministically(@TempDir Path dir) throws Exception {
        List<NerCorpus.Sentence> train = NerCorpus.read(corpus(dir));
        List<Integer> domains = new ArrayList<>();
        train.forEach(s -> domains.add(0));
        NerModel a = TrainNer.train(train, domains, TrainNer.Resources.none(), 14, 5, 2, 42, 0.3, List.of())
                .model();
        NerModel b = TrainNer.train(train, domains, TrainNer.Resources.none(), 14, 5, 2, 42, 0.3, List.of())
                .model();
        assertThat(a.weights).isEqualTo(b.weights);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(bytes);
        NerModel read = NerModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        EntityTagger tagger = new EntityTagger(read, Gazetteer.empty());
        assertThat(tagger.tagTokens(List.of("Itu", "benar", ",", "kata", "Siti", "Rahma", "di", "Medan", ".")))
                .containsExactly("O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O");
    }

    @Test
    void shouldHoldOutDifferentSentencesInEachEnsembleRunButKeepRepeatsTogether() {
        int moved = 0;
        boolean[][] used = new boolean[2][TrainNer.FOLDS];
        for (int i = 0; i < 200; i++) {
            String[] sentence = {"Kalimat", "nomor", Integer.toString(i), "dari", "Bandung", "."};
            int first = TrainNer.fold(sentence, 0);
            int second = TrainNer.fold(sentence, 1);
            assertThat(TrainNer.fold(sentence.clone(), 0)).isEqualTo(first);
            used[0][first] = true;
            used[1][second] = true;
            if (first != second) {
                moved++;
            }
        }
        assertThat(moved).isGreaterThan(100);
        for (boolean[] run : used) {
            assertThat(run).containsOnly(true);
        }
    }

    @Test
    void shouldMapEveryFamilyTagSchemeToOneLabelSet() {
        assertThat(NerLabels.NAMES.get(NerCorpus.map("B-PPL"))).isEqualTo("B-PERSON");
        assertThat(NerLabels.NAMES.get(NerCorpus.map("I-IND"))).isEqualTo("I-ORGANIZATION");
        assertThat(NerLabels.NAMES.get(NerCorpus.map("B-PLACE"))).isEqualTo("B-LOCATION");
        assertThat(NerLabels.NAMES.get(NerCorpus.map("B-ORGANISATION"))).isEqualTo("B-ORGANIZATION");
        assertThat(NerLabels.NAMES.get(NerCorpus.map("I-EVT"))).isEqualTo("I-EVENT");
        assertThat(NerCorpus.map("B-QUANTITY")).isZero();
        assertThat(NerCorpus.map("O")).isZero();
    }
}
