package dev.warta.enrich.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    private static TextNormalizer.Normalized norm(String s) {
        return TextNormalizer.normalize(s);
    }

    @Test
    void shouldFoldMathematicalAlphanumericsAndCountThemAsObfuscation() {
        TextNormalizer.Normalized n = norm(
                "Main di \uD835\uDC0C\uD835\uDC04\uD835\uDC06\uD835\uDC00\uD835\uDC01\uD835\uDC04\uD835\uDC13\uD835\uDFD7\uD835\uDFD7 sekarang");
        assertThat(n.tokens()).contains("megabet99");
        assertThat(n.brandTokens()).contains("megabet99");
        assertThat(n.obfuscatedChars()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void shouldFoldFullWidthLetters() {
        assertThat(norm("ｓｌｏｔ ｇａｃｏｒ").text()).isEqualTo("slot gacor");
        assertThat(norm("ｓｌｏｔ ｇａｃｏｒ").obfuscatedChars()).isPositive();
    }

    @Test
    void shouldFoldCyrillicAndGreekLookalikesInsideLatinWords() {
        // Cyrillic s, o, a and Greek omicron mixed into Latin words
        TextNormalizer.Normalized n = norm("\u0455l\u043Et g\u0430c\u03BFr");
        assertThat(n.text()).isEqualTo("slot gacor");
        assertThat(n.obfuscatedChars()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldFoldEnclosedLettersAndStripCombiningMarks() {
        assertThat(norm("ⓢⓛⓞⓣ").text()).isEqualTo("slot");
        assertThat(norm("P\u035FU\u035FL\u035FA\u035FU\u035FWIN").text()).isEqualTo("pulauwin");
    }

    @Test
    void shouldDecodeLeetspeakOnlyInsideWordsMixingLettersAndDigits() {
        assertThat(norm("g4c0r m4xw1n cu4n").text()).isEqualTo("gacor maxwin cuan");
        assertThat(norm("harga naik 25 persen pada 2025").text()).isEqualTo("harga naik 25 persen pada 2025");
        assertThat(norm("daftar di zeta88").tokens()).contains("zeta88");
    }

    @Test
    void shouldJoinSpacedLettersButNotListsOrAbbreviations() {
        assertThat(norm("coba di P U L A U 7 7 7 sekarang").tokens()).contains("pulau777");
        assertThat(norm("coba s l o t").spacedRuns()).isEqualTo(1);
        assertThat(norm("ada stimulus 1, 2, 3 tahun ini").spacedRuns()).isZero();
        assertThat(norm("Budi Santoso, S.H., M.H. hadir").spacedRuns()).isZero();
    }

    @Test
    void shouldStripEmojiAndZeroWidthCharacters() {
        assertThat(norm("ga\u200Bc\u200Dor \uD83D\uDD25\uD83D\uDD25 hari ini").text())
                .isEqualTo("gacor hari ini");
        assertThat(norm("4\uFE0F\u20E3D").text()).isEqualTo("4d");
    }

    @Test
    void shouldReturnEmptyResultForNullOrEmptyInput() {
        assertThat(norm(null).tokens()).isEmpty();
        assertThat(norm("").tokens()).isEmpty();
        assertThat(norm("\uD83D\uDE02\uD83D\uDE02\uD83D\uDE02").tokens()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "MEGA*88 login",
                "MEGA 🔥 88 login",
                "MEGA 8\uFE0F\u20E38\uFE0F\u20E3 login",
                "M.E.G.A.8.8 login",
                "m,e,g,a,8,8 login",
                "MEGA delapan delapan login"
            })
    void shouldFoldANameAndItsNumberWrittenApart(String text) {
        TextNormalizer.Normalized n = norm(text);

        assertThat(n.tokens()).containsExactly("mega88", "login");
        assertThat(n.brandTokens()).containsExactly("mega88");
        assertThat(n.obfuscation()).isPositive();
    }

    @Test
    void shouldFoldHangulLookalikesInsideLatinWords() {
        assertThat(norm("main di gㅇㅇgle sekarang").tokens()).contains("google");
        assertThat(norm("main di gㅇㅇgle sekarang").obfuscation()).isPositive();
    }

    @Test
    void shouldNotJoinNumbersThatNewsWritesApart() {
        assertThat(norm("COVID-19 pada 2024").brandTokens()).isEmpty();
        assertThat(norm("peringkat satu dua tiga").brandTokens()).isEmpty();
        assertThat(norm("Pasal 88 ayat 2").brandTokens()).isEmpty();
    }
}
