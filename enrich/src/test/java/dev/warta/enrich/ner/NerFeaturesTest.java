package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NerFeaturesTest {
    private static final byte[] CAPS = new byte[1 << 10];

    static {
        for (int i = 0; i < CAPS.length; i++) {
            CAPS[i] = (byte) (i % 4);
        }
    }

    private static Gazetteer gazetteer() throws Exception {
        String tsv = "LOCATION\tGeneva\tQ71\tJenewa\nPERSON\tSergey Lavrov\t-\tSergei Lavrov\n";
        return Gazetteer.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldGiveScoredTokensTheSameFeaturesWhenOnlyThoseAreExtracted() throws Exception {
        Gazetteer g = gazetteer();
        String[] toks = ("Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jenewa pada hari Senin untuk membahas "
                        + "gencatan senjata dengan para diplomat yang sudah menunggu sejak pagi .")
                .split(" ");
        int n = toks.length;
        int[] full = new int[n * NerFeatures.COUNT];
        NerFeatures.extract(NerFeatures.prepare(toks, g, CAPS), 0, 1023, full);

        boolean[] active = new boolean[n];
        active[0] = true;
        active[5] = true;
        active[8] = true;
        active[n - 1] = true;
        int[] windowed = new int[n * NerFeatures.COUNT];
        Arrays.fill(windowed, 7);
        NerFeatures.Sentence lazy = NerFeatures.prepareScratch(toks, g, CAPS);
        NerFeatures.extract(lazy, 0, 1023, windowed, active);

        for (int i = 0; i < n; i++) {
            int[] a = Arrays.copyOfRange(full, i * NerFeatures.COUNT, (i + 1) * NerFeatures.COUNT);
            int[] b = Arrays.copyOfRange(windowed, i * NerFeatures.COUNT, (i + 1) * NerFeatures.COUNT);
            if (active[i]) {
                assertThat(b).as("token %d", i).isEqualTo(a);
            } else {
                assertThat(b).as("token %d left untouched", i).containsOnly(7);
            }
        }
    }

    @Test
    void shouldLookUpEveryTokenWhenNoMaskIsGiven() throws Exception {
        Gazetteer g = gazetteer();
        String[] toks = "Pagi ini menteri tiba di Jenewa , kata juru bicara kementerian .".split(" ");
        int[] full = new int[toks.length * NerFeatures.COUNT];
        NerFeatures.extract(NerFeatures.prepare(toks, g, CAPS), 0, 1023, full);
        int[] lazy = new int[toks.length * NerFeatures.COUNT];
        NerFeatures.extract(NerFeatures.prepareScratch(toks, g, CAPS), 0, 1023, lazy, null);
        assertThat(lazy).isEqualTo(full);
    }
}
