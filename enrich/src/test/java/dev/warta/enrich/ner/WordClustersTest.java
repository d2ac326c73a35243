package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WordClustersTest {
    private static WordClusters table(String tsv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(tsv.getBytes(StandardCharsets.UTF_8));
        }
        return WordClusters.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void shouldPackCoarseAndFineIdsOfKnownWords() throws Exception {
        WordClusters c = table("medan\t3\t41\nbandung\t3\t41\nkata\t7\t300\n");
        assertThat(c.of("medan")).isEqualTo(c.of("bandung")).isEqualTo(3 << 16 | 41);
        assertThat(c.of("kata") >> 16).isEqualTo(7);
        assertThat(c.of("kata") & 0xFFFF).isEqualTo(300);
    }

    @Test
    void shouldAnswerUnknownForUnseenWordsAndSkipBrokenLines() throws Exception {
        WordClusters c = table("medan\t3\t41\nbroken line\n\t1\t2\n");
        assertThat(c.of("surabaya")).isEqualTo(WordClusters.UNKNOWN);
        assertThat(c.size()).isEqualTo(1);
        assertThat(WordClusters.empty().of("medan")).isEqualTo(WordClusters.UNKNOWN);
    }

    @Test
    void shouldShipATableThatGroupsCitiesApartFromFunctionWords() {
        WordClusters c = WordClusters.shared();
        assertThat(c.size()).isGreaterThan(1000);
        assertThat(c.of("jakarta")).isNotEqualTo(WordClusters.UNKNOWN);
        assertThat(c.of("jakarta") & 0xFFFF).isNotEqualTo(c.of("yang") & 0xFFFF);
    }
}
