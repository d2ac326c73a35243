package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConventionDetectorTest {
    private static final String[] PLAIN = {"Menteri Budi Santoso tiba di Bandung pada Senin pagi .",
            "Warga kota Medan menyambut baik rencana pembangunan jalan baru itu .",
            "Pemerintah daerah akan meninjau ulang anggaran tahun depan ."};
    private static final String[] QUOTED = {"\" Kami siap , \" kata Siti Rahma ( 40 ) di Malang .",
            "Ketua panitia - yang juga guru - menolak memberi keterangan .",
            "\" Harga beras naik lagi , \" ujar seorang pedagang ."};

    private static List<String[]> corpus(String[] lines, int copies) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            for (String l : lines) {
                out.add(l.split(" "));
            }
        }
        return out;
    }

    private static List<List<String>> text(String... lines) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (String l : lines) {
                out.add(Arrays.asList(l.split(" ")));
            }
        }
        return out;
    }

    private static ConventionDetector detector() {
        return ConventionDetector.train(List.of("plain", "quoted"),
                List.of(corpus(PLAIN, 20), corpus(QUOTED, 20)));
    }

    @Test
    void shouldRecogniseTheFamilyByItsPunctuationHabitsOnUnseenText() throws Exception {
        ConventionDetector d = detector();
        List<List<String>> quoted = text("\" Saya tidak tahu , \" jawab Agus Salim ( 52 ) di Bogor .",
                "Rapat itu - kata dia - berlangsung alot .");
        List<List<String>> plain = text("Dewi Lestari membuka pameran lukisan di Padang kemarin .",
                "Harga cabai di pasar tradisional turun sejak pekan lalu .");
        assertThat(d.detect(quoted)).isEqualTo("quoted");
        assertThat(d.detect(plain)).isEqualTo("plain");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        d.write(bytes);
        ConventionDetector read = ConventionDetector.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.families()).containsExactly("plain", "quoted");
        assertThat(read.detect(quoted)).isEqualTo("quoted");
        assertThat(read.detect(plain)).isEqualTo("plain");
    }

    @Test
    void shouldNotGuessFromTooLittleOrBrokenInput() {
        ConventionDetector d = detector();
        assertThat(d.detect(List.of(List.of("Halo", "dunia")))).isNull();
        assertThat(d.detect(null)).isNull();
        List<List<String>> broken = new ArrayList<>();
        broken.add(null);
        broken.add(Arrays.asList("\uD83D\uDE00", null, "\u0000\u0001"));
        assertThat(d.detect(broken)).isNull();
        assertThat(ConventionDetector.empty().detect(text(PLAIN))).isNull();
    }

    @Test
    void shouldShipAProfileForEveryTrainingFamily() {
        assertThat(EntityTagger.load().convention(text(PLAIN))).isNotNull();
    }
}
