package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerConsistencyTest {
    private static List<String> apply(String sentence, String... tags) {
        String[] toks = sentence.split(" ");
        int[] labels = new int[toks.length];
        for (int i = 0; i < toks.length; i++) {
            labels[i] = i < tags.length ? NerLabels.id(tags[i]) : 0;
        }
        NerFeatures.Sentence s = NerFeatures.prepare(
                toks, Gazetteer.empty(), null, WordClusters.empty(), NerLexicon.empty(), NerKnowledge.empty());
        NerConsistency.apply(s, labels);
        List<String> out = new ArrayList<>();
        for (int l : labels) {
            out.add(NerLabels.NAMES.get(l));
        }
        return out;
    }

    @Test
    void shouldGiveAnAcronymDefinedInTheTextItsExpansionsType() {
        assertThat(apply(
                        "Badan Narkotika Nasional ( BNN ) menyita sabu ; BNN juga menahan dua orang",
                        "B-ORGANIZATION",
                        "I-ORGANIZATION",
                        "I-ORGANIZATION",
                        "O",
                        "B-PERSON",
                        "O",
                        "O",
                        "O",
                        "O",
                        "B-LOCATION"))
                .containsExactly(
                        "B-ORGANIZATION",
                        "I-ORGANIZATION",
                        "I-ORGANIZATION",
                        "O",
                        "B-ORGANIZATION",
                        "O",
                        "O",
                        "O",
                        "O",
                        "B-ORGANIZATION",
                        "O",
                        "O",
                        "O",
                        "O");
        assertThat(apply(
                        "KPK ( Komisi Pemberantasan Korupsi ) memeriksa saksi",
                        "O",
                        "O",
                        "B-ORGANIZATION",
                        "I-ORGANIZATION",
                        "I-ORGANIZATION"))
                .startsWith("B-ORGANIZATION", "O", "B-ORGANIZATION");
    }

    @Test
    void shouldLeaveAParenthesisThatIsNoAcronymOfTheName() {
        assertThat(apply("Joko Widodo ( 63 ) tiba", "B-PERSON", "I-PERSON"))
                .containsExactly("B-PERSON", "I-PERSON", "O", "O", "O", "O");
        assertThat(apply("Joko Widodo ( PDIP ) tiba", "B-PERSON", "I-PERSON", "O", "B-ORGANIZATION"))
                .containsExactly("B-PERSON", "I-PERSON", "O", "B-ORGANIZATION", "O", "O");
    }

    @Test
    void shouldGiveTheMembersOfACoordinatedListTheMajorityType() {
        assertThat(apply(
                        "banjir melanda Bogor , Depok , Tangerang dan Bekasi",
                        "O",
                        "O",
                        "B-LOCATION",
                        "O",
                        "B-PERSON",
                        "O",
                        "B-LOCATION",
                        "O",
                        "B-LOCATION"))
                .containsExactly("O", "O", "B-LOCATION", "O", "B-LOCATION", "O", "B-LOCATION", "O", "B-LOCATION");
    }

    @Test
    void shouldLeaveAnAppositionAndAListWithoutMajorityAlone() {
        // no conjunction: "Spanyol , Guillem Balague , Madrid" is an apposition, not a list
        List<String> apposition = List.of("B-LOCATION", "O", "B-PERSON", "I-PERSON", "O", "B-LOCATION");
        assertThat(apply("Spanyol , Guillem Balague , Madrid", apposition.toArray(String[]::new)))
                .isEqualTo(apposition);
        List<String> split = List.of("B-PERSON", "O", "B-LOCATION", "O", "B-ORGANIZATION");
        assertThat(apply("Budi , Bandung dan Golkar", split.toArray(String[]::new)))
                .isEqualTo(split);
    }
}
