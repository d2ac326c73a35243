package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerKnowledgeTest {
    private static NerKnowledge toy(Path dir) throws Exception {
        Files.writeString(dir.resolve("id-villages.txt"), "Sukamaju\nBaru\n");
        Files.writeString(dir.resolve("id-regencies-cities.txt"), "Tanjung Balai\n");
        Files.writeString(
                dir.resolve("world-countries-id.csv"),
                "cca2,name_id,name_en_common,name_en_official,capital_en,capital_id,ner_type\n"
                        + "CH,Swiss,Switzerland,Swiss Confederation,Bern,Bern,LOCATION\n");
        Files.writeString(
                dir.resolve("id-political-parties-2024.csv"),
                "kpu_number,name,common_short_forms_added_by_hand,ner_type\n"
                        + "2,Partai Gerakan Indonesia Raya,Gerindra,ORGANIZATION\n");
        Files.writeString(
                dir.resolve("id-person-name-tokens-kpu.csv"),
                "token,count_any_position,count_first,count_last,male_first,female_first,ner_type\n"
                        + "Siti,218,212,0,0,212,PERSON\n");
        return NerKnowledge.build(dir);
    }

    private static int[][] mark(NerKnowledge k, String sentence) {
        String[] toks = sentence.split(" ");
        long[] h = new long[toks.length];
        for (int i = 0; i < toks.length; i++) {
            h[i] = NerFeatures.wordHash(toks[i].toLowerCase(Locale.ROOT));
        }
        int[][] out = new int[2][toks.length];
        k.mark(h, toks.length, out[0], out[1]);
        return out;
    }

    @Test
    void shouldMarkListedPhrasesByCategoryAndPositionAndNameTokens(@TempDir Path dir) throws Exception {
        NerKnowledge k = toy(dir);
        int[][] m = mark(k, "Siti tiba di Tanjung Balai dari Swiss bersama Partai Gerakan Indonesia Raya");
        assertThat(m[0][3]).isEqualTo(NerKnowledge.REGION * 4 + 1);
        assertThat(m[0][4]).isEqualTo(NerKnowledge.REGION * 4 + 3);
        assertThat(m[0][6]).isEqualTo(NerKnowledge.WORLD_PLACE * 4);
        assertThat(m[0][8]).isEqualTo(NerKnowledge.ORGANIZATION * 4 + 1);
        assertThat(m[0][11]).isEqualTo(NerKnowledge.ORGANIZATION * 4 + 3);
        assertThat(m[0][1]).isZero();
        assertThat(m[1][0]).isEqualTo(NerKnowledge.GIVEN * 4);
        assertThat(m[1][1]).isZero();
    }

    @Test
    void shouldReadBackWhatItWrites(@TempDir Path dir) throws Exception {
        NerKnowledge k = toy(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        k.write(bytes);
        NerKnowledge read = NerKnowledge.read(new ByteArrayInputStream(bytes.toByteArray()));
        String s = "Gerindra menang di Sukamaju , kata Siti";
        assertThat(mark(read, s)).isDeepEqualTo(mark(k, s));
        assertThat(mark(read, s)[0][0]).isEqualTo(NerKnowledge.ORGANIZATION * 4);
        assertThat(mark(read, s)[0][3]).isEqualTo(NerKnowledge.VILLAGE * 4);
    }

    @Test
    void shouldSplitQuotedCsvFields() {
        assertThat(NerKnowledge.fields("a,\"b, c\",\"d \"\"e\"\"\",")).isEqualTo(List.of("a", "b, c", "d \"e\"", ""));
    }
}
