package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConllTaggingTest {
    @Test
    void shouldPrintTokenTabTagPerTokenWithBlankLineBetweenSentences() {
        String in = "Presiden\tNOUN\tO\nJoko\tPROPN\tB-PER\nWidodo PROPN I-PER\ntiba\ndi\nJakarta\n.\n\n\n"
                + "Ia\nbertemu\nRetno\nMarsudi\n";
        StringWriter out = new StringWriter();
        ConllTagging.run(new StringReader(in), out, EntityTagger.load());
        String[] blocks = out.toString().split("\n\n", -1);
        assertThat(blocks).hasSize(3);
        assertThat(blocks[2]).isEmpty();
        String[] first = blocks[0].split("\n");
        assertThat(first).hasSize(7);
        assertThat(first[0]).startsWith("Presiden\t");
        assertThat(first[1]).isEqualTo("Joko\tB-PERSON");
        assertThat(first[2]).isEqualTo("Widodo\tI-PERSON");
        assertThat(first[5]).isEqualTo("Jakarta\tB-LOCATION");
        String[] second = blocks[1].split("\n");
        assertThat(second).hasSize(4);
        for (String line : second) {
            assertThat(line.split("\t")).hasSize(2);
        }
    }

    @Test
    void shouldKeepEverySentenceInOrderAcrossTheConventionReadAhead() {
        int sentences = ConllTagging.SAMPLE + 57;
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            in.append("Kalimat\nnomor\n").append(i).append("\nditulis\ndi\nBandung\n.\n\n");
        }
        StringWriter out = new StringWriter();
        ConllTagging.run(new StringReader(in.toString()), out, EntityTagger.load());
        String[] blocks = out.toString().split("\n\n");
        assertThat(blocks).hasSize(sentences);
        for (int i = 0; i < sentences; i++) {
            String[] lines = blocks[i].split("\n");
            assertThat(lines).hasSize(7);
            assertThat(lines[2]).startsWith(i + "\t");
        }
    }

    @Test
    void shouldPrintNothingForEmptyInput() {
        StringWriter out = new StringWriter();
        ConllTagging.run(new StringReader("\n\n"), out, EntityTagger.load());
        assertThat(out.toString()).isEmpty();
    }
}
