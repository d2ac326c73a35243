package dev.warta.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleChooserTest {

    @Test
    void shouldKeepAFirstLineThatReadsLikeAHeadline() {
        String body = "Banjir rendam ratusan rumah di Bekasi\n\nHujan deras sejak malam membuat sungai meluap.";
        assertThat(TitleChooser.choose("Banjir rendam ratusan rumah di Bekasi", body))
                .isEqualTo("Banjir rendam ratusan rumah di Bekasi");
    }

    @Test
    void shouldSkipPromptsAndTrackersAtTheTopOfThePage() {
        String body = """
                Download our App now!
                tracker
                Advertisement
                Share:
                Gempa magnitudo 5,2 guncang Maluku Utara
                Senin, 3 Maret 2025 - 08:12 WIB
                Gempa magnitudo 5,2 guncang Maluku Utara
                Gempa terjadi pada pagi hari dan dirasakan warga di Ternate.
                """;
        assertThat(TitleChooser.choose("Download our App now!", body))
                .isEqualTo("Gempa magnitudo 5,2 guncang Maluku Utara");
        assertThat(TitleChooser.choose("tracker", body.substring(body.indexOf("tracker"))))
                .isEqualTo("Gempa magnitudo 5,2 guncang Maluku Utara");
    }

    @Test
    void shouldNotTakeADateLineOrACaptionForTheHeadline() {
        String body = """
                Selasa 14 Jan 2025 09:30 WIB

                Harga beras turun di pasar induk

                Pedagang beras di pasar induk.
                Foto: Dok. Redaksi
                Pedagang beras di pasar induk.
                """;
        assertThat(TitleChooser.choose("Selasa 14 Jan 2025 09:30 WIB", body))
                .isEqualTo("Harga beras turun di pasar induk");
    }

    @Test
    void shouldFallBackToTheFirstLineWhenNothingReadsLikeAHeadline() {
        assertThat(TitleChooser.choose("menu", "menu\nok\n")).isEqualTo("menu");
        assertThat(TitleChooser.choose(null, "")).isNull();
    }
}
