package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NerModelDecodeTest {

    private static NerModel randomLoadedModel(long seed) throws IOException {
        NerModel m = NerModel.empty(10, new byte[0]);
        Random rnd = new Random(seed);
        for (int i = 0; i < m.weights.length; i++) {
            m.weights[i] = rnd.nextInt(4) == 0 ? (float) rnd.nextGaussian() * 3 : 0;
        }
        for (int i = 0; i < m.trans.length; i++) {
            m.trans[i] = (float) rnd.nextGaussian();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return NerModel.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static int[] randomFeatures(Random rnd, int n, int mask) {
        int[] f = new int[n * NerFeatures.COUNT];
        for (int i = 0; i < f.length; i++) {
            f[i] = i % NerFeatures.COUNT >= NerFeatures.GENERAL ? -1 : rnd.nextInt() & mask;
        }
        return f;
    }

    @Test
    void fusedDecodingPicksTheSameLabelsAsEmissionsThenViterbi() throws IOException {
        NerModel m = randomLoadedModel(7);
        Random rnd = new Random(11);
        // lengths cross the scratch growth points and the not-kept size, then shrink again
        int[] lengths = {1, 2, 5, 40, 70, 3, NerScratch.KEEP + 5, 9, 0, 130, 4};
        for (int n : lengths) {
            int[] feats = randomFeatures(rnd, n, m.mask());
            int[] expected = m.viterbi(m.emissions(feats, n), n);
            assertThat(m.decode(feats, n)).as("sentence of %d tokens", n).containsExactly(expected);
        }
    }

    @Test
    void decodedLabelsAreValidBio() throws IOException {
        NerModel m = randomLoadedModel(3);
        Random rnd = new Random(5);
        for (int round = 0; round < 50; round++) {
            int n = 1 + rnd.nextInt(30);
            int[] labels = m.decode(randomFeatures(rnd, n, m.mask()), n);
            for (int i = 0; i < n; i++) {
                assertThat(NerLabels.allowed(i == 0 ? -1 : labels[i - 1], labels[i]))
                        .isTrue();
            }
        }
    }

    @Test
    void inactiveTokensAreOAndAllActiveDecodesAsWithoutMask() throws IOException {
        NerModel m = randomLoadedModel(13);
        Random rnd = new Random(17);
        for (int round = 0; round < 50; round++) {
            int n = 1 + rnd.nextInt(40);
            int[] feats = randomFeatures(rnd, n, m.mask());
            boolean[] all = new boolean[n];
            java.util.Arrays.fill(all, true);
            assertThat(m.decode(feats, n, all)).containsExactly(m.decode(feats, n));
            boolean[] some = new boolean[n];
            for (int i = 0; i < n; i++) {
                some[i] = rnd.nextBoolean();
            }
            int[] labels = m.decode(feats, n, some);
            float[] held = m.emissions(feats, n);
            for (int i = 0; i < n; i++) {
                for (int l = 0; l < NerModel.LABELS && !some[i]; l++) {
                    held[i * NerModel.LABELS + l] = l == 0 ? 0 : Float.NEGATIVE_INFINITY;
                }
            }
            assertThat(labels).containsExactly(m.viterbi(held, n));
            for (int i = 0; i < n; i++) {
                if (!some[i]) {
                    assertThat(labels[i]).as("token %d of %d", i, n).isZero();
                }
                assertThat(NerLabels.allowed(i == 0 ? -1 : labels[i - 1], labels[i]))
                        .isTrue();
            }
        }
    }
}
