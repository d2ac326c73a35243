package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private static Gazetteer of(String tsv) throws Exception {
        return Gazetteer.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Gazetteer.Match> match(Gazetteer g, boolean cased, String... tokens) {
        String[] lower = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            lower[i] = tokens[i].toLowerCase();
        }
        return g.matches(tokens, lower, cased);
    }

    @Test
    void shouldMatchLongestAliasAndAcronymsOnlyWithTheirCase() throws Exception {
        Gazetteer g = of("# comment\nLOCATION\tUnited States\tQ30\tAmerika Serikat|AS|Amerika\n"
                + "ORGANIZATION\tUnited Nations\tQ1065\tPBB|Perserikatan Bangsa-Bangsa\n");
        List<Gazetteer.Match> m = match(g, true, "Presiden", "Amerika", "Serikat", "dan", "AS", "as", "PBB");
        assertThat(m)
                .extracting(Gazetteer.Match::start, Gazetteer.Match::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 3),
                        org.assertj.core.groups.Tuple.tuple(4, 5),
                        org.assertj.core.groups.Tuple.tuple(6, 7));
        assertThat(m.get(0).entry().wikidataId()).isEqualTo("Q30");
        assertThat(match(g, false, "as", "amerika", "serikat")).hasSize(1);
    }

    @Test
    void shouldLookUpVariantsCaseInsensitivelyExceptAcronyms() throws Exception {
        Gazetteer g = of("LOCATION\tGeneva\tQ71\tJenewa|Genève\nLOCATION\tUnited States\t-\tAS\n");
        assertThat(g.lookup("JENEWA").canonical()).isEqualTo("Geneva");
        assertThat(g.lookup("Genève").wikidataId()).isEqualTo("Q71");
        assertThat(g.lookup("AS").canonical()).isEqualTo("United States");
        assertThat(g.lookup("United States").wikidataId()).isNull();
        assertThat(g.lookup("as")).isNull();
        assertThat(g.lookup("")).isNull();
    }

    @Test
    void shouldShipCountriesOrganisationsAndPeopleInBothLanguages() {
        Gazetteer g = Gazetteer.load();
        assertThat(g.lookup("Amerika Serikat").canonical())
                .isEqualTo(g.lookup("United States").canonical());
        assertThat(g.lookup("Rusia").canonical()).isEqualTo("Russia");
        assertThat(g.lookup("Uni Eropa").canonical()).isEqualTo(g.lookup("EU").canonical());
        assertThat(g.lookup("OSCE").type()).isEqualTo("ORGANIZATION");
        assertThat(g.lookup("KPK").type()).isEqualTo("ORGANIZATION");
        assertThat(g.lookup("Sergei Lavrov").canonical())
                .isEqualTo(g.lookup("Sergey Lavrov").canonical());
    }

    @Test
    void shouldLookUpMultiWordNamesWhateverTheirCaseAndSpacing() throws Exception {
        Gazetteer g = of("PERSON\tSergey Lavrov\t-\tSergei Lavrov\n");
        assertThat(g.lookup("Sergei Lavrov").canonical()).isEqualTo("Sergey Lavrov");
        assertThat(g.lookup("sergei LAVROV").canonical()).isEqualTo("Sergey Lavrov");
        assertThat(g.lookup("Sergei \n  Lavrov").canonical()).isEqualTo("Sergey Lavrov");
        assertThat(g.lookup("Sergei")).isNull();
        assertThat(g.lookup("  ")).isNull();
    }
}
