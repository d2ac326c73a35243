package dev.warta.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrainLanguageModelTest {

    private static Map<String, List<String>> corpus() {
        Map<String, List<String>> c = new TreeMap<>();
        c.put(
                "en",
                List.of(
                        "the weather is nice today and the children play outside",
                        "we will meet at the station after work",
                        "this is the house where my father was born",
                        "please close the window when it rains"));
        c.put(
                "id",
                List.of(
                        "cuaca hari ini cerah dan anak-anak bermain di luar",
                        "kita akan bertemu di stasiun setelah pulang kerja",
                        "ini rumah tempat ayah saya dilahirkan",
                        "tolong tutup jendela kalau hujan turun"));
        return c;
    }

    private static byte[] bytes(NgramModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }

    @Test
    void trainingTwiceGivesIdenticalModels() throws IOException {
        TrainLanguageModel.Settings s = new TrainLanguageModel.Settings(100_000, 0.3f, 0.3f, 2, 0.01f);
        assertThat(bytes(TrainLanguageModel.train(corpus(), s)))
                .isEqualTo(bytes(TrainLanguageModel.train(corpus(), s)));
    }

    @Test
    void trainedModelSurvivesAWriteReadRoundTripAndSeparatesItsLanguages() throws IOException {
        NgramModel trained =
                TrainLanguageModel.train(corpus(), new TrainLanguageModel.Settings(100_000, 0.3f, 0.3f, 2, 0.01f));
        NgramModel model = NgramModel.read(new ByteArrayInputStream(bytes(trained)));
        assertThat(model.languages()).containsExactly("en", "id");
        float[] en = new float[2];
        model.score("the children close the window", 0, 29, en);
        float[] id = new float[2];
        model.score("anak-anak menutup jendela", 0, 25, id);
        assertThat(en[0]).isGreaterThan(en[1]);
        assertThat(id[1]).isGreaterThan(id[0]);
    }

    @Test
    void unitsSplitLongTextsAtSentenceEnds() {
        List<String> units = TrainLanguageModel.units(
                "Ini kalimat pertama yang cukup panjang untuk dipotong. Ini kalimat kedua.\nBaris baru.");
        assertThat(units)
                .containsExactly(
                        "Ini kalimat pertama yang cukup panjang untuk dipotong.", "Ini kalimat kedua.", "Baris baru.");
    }
}
