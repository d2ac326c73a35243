package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerLexiconTest {
    private static NerCorpus.Sentence sentence(String text, String tags) {
        String[] toks = text.split(" ");
        String[] names = tags.split(" ");
        int[] labels = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            labels[i] = NerLabels.id(names[i]);
        }
        return new NerCorpus.Sentence(toks, labels);
    }

    private static final List<NerCorpus.Sentence> GOLD = List.of(
            sentence(
                    "Bank Rakyat Indonesia buka di Medan",
                    "B-ORGANIZATION I-ORGANIZATION I-ORGANIZATION O O B-LOCATION"),
            sentence("Warga Medan senang", "O B-LOCATION O"),
            sentence("Indonesia menang", "B-LOCATION O"));

    private static int[] mark(NerLexicon lex, String text) {
        String[] lower = text.toLowerCase(java.util.Locale.ROOT).split(" ");
        long[] hashes = new long[lower.length];
        for (int i = 0; i < lower.length; i++) {
            hashes[i] = NerFeatures.wordHash(lower[i]);
        }
        int[] out = new int[lower.length];
        lex.mark(hashes, out);
        return out;
    }

    @Test
    void shouldMarkTheLongestKnownNameWithItsPositions() {
        int[] m = mark(NerLexicon.build(GOLD), "kantor bank rakyat indonesia ada di medan");
        assertThat(m[0]).isZero();
        // begin, inside, end of one three-token name with one value
        assertThat(m[1] & 3).isEqualTo(1);
        assertThat(m[2] & 3).isEqualTo(2);
        assertThat(m[3] & 3).isEqualTo(3);
        assertThat(m[1] >> 2).isEqualTo(m[3] >> 2);
        assertThat(m[4]).isZero();
        // a single-token name, of another type than the bank
        assertThat(m[6] & 3).isZero();
        assertThat(m[6] >> 2).isPositive().isNotEqualTo(m[1] >> 2);
    }

    @Test
    void shouldNotMarkUnknownWordsOrBarePrefixes() {
        assertThat(mark(NerLexicon.build(GOLD), "bank rakyat tutup hari ini")).containsOnly(0);
        assertThat(mark(NerLexicon.empty(), "bank rakyat indonesia di medan")).containsOnly(0);
    }

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        NerLexicon lex = NerLexicon.build(GOLD);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        lex.write(bytes);
        NerLexicon read = NerLexicon.read(new ByteArrayInputStream(bytes.toByteArray()));
        String text = "di medan ada bank rakyat indonesia , kata warga indonesia";
        assertThat(mark(read, text)).containsExactly(mark(lex, text));
    }
}
