package dev.warta.common.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
    private final Fingerprinter f = new Fingerprinter();

    private static final String STORY =
            "Pemerintah kota Bandung membuka tiga taman baru di kawasan utara pada Sabtu pagi. "
                    + "Wali kota mengatakan taman itu dibangun untuk memberi ruang bermain bagi anak-anak dan lansia. "
                    + "Warga menyambut baik pembukaan taman yang dilengkapi jalur sepeda, kolam kecil dan perpustakaan mini. "
                    + "Dinas pertamanan menargetkan lima taman lagi selesai sebelum akhir tahun depan.";

    @Test
    void shouldNormalizeCasePunctuationAndSpacing() {
        assertThat(Fingerprinter.normalize("  Halo,   DUNIA!!\n\tApa kabar? ")).isEqualTo("halo dunia apa kabar");
        assertThat(Fingerprinter.normalize("ｆｕｌｌ－ｗｉｄｔｈ")).isEqualTo("full width");
        assertThat(Fingerprinter.normalize(null)).isEmpty();
    }

    @Test
    void shouldGiveEqualTextHashToTextsDifferingOnlyInCaseAndPunctuation() {
        assertThat(f.textHash("Banjir melanda Jakarta, Senin.")).isEqualTo(f.textHash("banjir  melanda jakarta senin"));
        assertThat(f.textHash("Banjir melanda Jakarta")).isNotEqualTo(f.textHash("Banjir melanda Bogor"));
        assertThat(f.textHash("Banjir")).hasSize(64);
    }

    @Test
    void shouldTellEmojiOnlyTextsApart() {
        assertThat(f.textHash("😀😀")).isNotEqualTo(f.textHash("🎉"));
        assertThat(f.minhash("😀😀")).isEmpty();
    }

    @Test
    void shouldEstimateHighSimilarityForLightlyEditedText() {
        String edited = STORY.replace("Sabtu pagi", "Sabtu siang") + " Pembukaan dihadiri ratusan warga.";
        double j = Fingerprinter.similarity(f.minhash(STORY), f.minhash(edited));
        assertThat(j).isBetween(0.6, 0.99);
        assertThat(Fingerprinter.similarity(f.minhash(STORY), f.minhash(STORY.toUpperCase())))
                .isEqualTo(1.0);
    }

    @Test
    void shouldEstimateLowSimilarityForUnrelatedText() {
        String other = "Harga cabai rawit di pasar tradisional Surabaya naik dua kali lipat menjelang hari raya. "
                + "Pedagang mengeluhkan pasokan dari petani berkurang karena cuaca buruk sepanjang bulan lalu.";
        assertThat(Fingerprinter.similarity(f.minhash(STORY), f.minhash(other))).isLessThan(0.1);
    }

    @Test
    void shouldEstimateJaccardWithinSamplingErrorAcrossTheRange() {
        java.util.Random rnd = new java.util.Random(11);
        double sumError = 0;
        double maxError = 0;
        int pairs = 40;
        for (int p = 0; p < pairs; p++) {
            int length = 50 + rnd.nextInt(600);
            String[] a = new String[length];
            for (int i = 0; i < length; i++) {
                a[i] = "w" + rnd.nextInt(5000);
            }
            String[] b = a.clone();
            int edits = rnd.nextInt(length / 8 + 1);
            for (int e = 0; e < edits; e++) {
                b[rnd.nextInt(length)] = "x" + rnd.nextInt(5000);
            }
            double exact = exactJaccard(a, b);
            double estimate = Fingerprinter.similarity(f.minhash(String.join(" ", a)), f.minhash(String.join(" ", b)));
            double error = Math.abs(exact - estimate);
            sumError += error;
            maxError = Math.max(maxError, error);
        }
        // one-permutation MinHash with 256 bins: standard error <= 0.5 / sqrt(256) = 0.031
        assertThat(sumError / pairs).isLessThan(0.03);
        assertThat(maxError).isLessThan(0.1);
    }

    private static double exactJaccard(String[] a, String[] b) {
        java.util.Set<String> sa = shingles(a);
        java.util.Set<String> sb = shingles(b);
        java.util.Set<String> union = new java.util.HashSet<>(sa);
        union.addAll(sb);
        sa.retainAll(sb);
        return (double) sa.size() / union.size();
    }

    private static java.util.Set<String> shingles(String[] words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i + 5 <= words.length; i++) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + 5)));
        }
        return out;
    }

    @Test
    void shouldFingerprintShortTextAsOneShingle() {
        assertThat(f.minhash("dua kata")).hasSize(Fingerprinter.PERMUTATIONS);
        assertThat(f.minhash("dua kata")).isEqualTo(f.minhash("Dua, kata!"));
        assertThat(Fingerprinter.similarity(f.minhash("dua kata"), f.minhash("tiga kata")))
                .isLessThan(0.2);
    }

    @Test
    void shouldComputeBothFingerprintsAtOnceAsSeparately() {
        for (String t : new String[] {STORY, "", "😀", "Dua kata"}) {
            Fingerprinter.Fingerprint both = f.fingerprint(t);
            assertThat(both.textHash()).isEqualTo(f.textHash(t));
            assertThat(both.minhash()).isEqualTo(f.minhash(t));
        }
    }

    @Test
    void shouldNeverThrowOnGarbage() {
        String garbage = new String(new char[] {'\uD800', 0, 0xFFFF, '\uDC00', 'a'});
        assertThat(f.minhash(garbage)).hasSize(Fingerprinter.PERMUTATIONS);
        assertThat(f.minhash("")).isEmpty();
        assertThat(f.textHash("")).hasSize(64);
        assertThat(f.minhash("kata ".repeat(200_000))).hasSize(Fingerprinter.PERMUTATIONS);
    }

    @Test
    void shouldGiveSameSignaturesFromConcurrentThreads() throws Exception {
        int[] expected = f.minhash(STORY);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<int[]>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> f.minhash(STORY)));
            }
            for (Future<int[]> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(new Fingerprinter().minhash(STORY)).isEqualTo(expected);
    }
}
