package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
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
    void shouldTagASentenceTheSameWhateverElseIsInTheInput() {
        String probe = "Kapolres\nBogor\nAKBP\nSusatyo\nPurnomo\nmengatakan\nbanjir\nmelanda\nCibinong\n.\n\n";
        String alone = tag(probe);
        // the same sentence after many lowercased (nerp-like) sentences, and after many cased news sentences
        StringBuilder lower = new StringBuilder();
        StringBuilder cased = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            lower.append("presiden\njoko\nwidodo\nbertemu\nwarga\ndi\nsurabaya\n")
                    .append(i)
                    .append("\n\n");
            cased.append("Menlu\nRetno\nMarsudi\ntiba\ndi\nJenewa\n").append(i).append("\n.\n\n");
        }
        assertThat(lastBlock(tag(lower + probe))).isEqualTo(alone.strip());
        assertThat(lastBlock(tag(cased + probe))).isEqualTo(alone.strip());
        assertThat(lastBlock(tag(probe.repeat(3)))).isEqualTo(alone.strip());
    }

    @Test
    void shouldFindTheEntitiesAnArticleGetsForTheSameSentence() {
        String text = "Gubernur Jawa Barat Ridwan Kamil berkunjung ke Garut bersama Kapolda Irjen Suntana .";
        List<String> fromArticle = EntityTagger.load().tag(text).stream()
                .map(m -> m.type() + " " + m.text())
                .toList();
        List<String> fromConll = new ArrayList<>();
        String[] lines = tag(text.replace(' ', '\n') + "\n").strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String[] tt = lines[i].split("\t");
            if (tt[1].startsWith("B-")) {
                StringBuilder name = new StringBuilder(tt[0]);
                while (i + 1 < lines.length && lines[i + 1].split("\t")[1].startsWith("I-")) {
                    name.append(' ').append(lines[++i].split("\t")[0]);
                }
                fromConll.add(tt[1].substring(2) + " " + name);
            }
        }
        assertThat(fromConll).isNotEmpty().isEqualTo(fromArticle);
    }

    private static String tag(String in) {
        StringWriter out = new StringWriter();
        ConllTagging.run(new StringReader(in), out, EntityTagger.load());
        return out.toString();
    }

    private static String lastBlock(String out) {
        String[] blocks = out.strip().split("\n\n");
        return blocks[blocks.length - 1];
    }

    @Test
    void shouldPrintNothingForEmptyInput() {
        StringWriter out = new StringWriter();
        ConllTagging.run(new StringReader("\n\n"), out, EntityTagger.load());
        assertThat(out.toString()).isEmpty();
    }
}
