package dev.warta.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NerTokenizerTest {
    @Test
    void shouldSplitWordsAndPunctuationWithOffsets() {
        String text = "Menlu AS, Antony Blinken, tiba di Jenewa. Ia bertemu Lavrov.";
        List<List<NerToken>> s = NerTokenizer.sentences(text);
        assertThat(s).hasSize(2);
        assertThat(s.get(0))
                .extracting(NerToken::text)
                .containsExactly("Menlu", "AS", ",", "Antony", "Blinken", ",", "tiba", "di", "Jenewa", ".");
        for (List<NerToken> sentence : s) {
            for (NerToken t : sentence) {
                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
            }
        }
    }

    @Test
    void shouldKeepAbbreviationsAndHyphenatedNumbersApart() {
        List<NerToken> s =
                NerTokenizer.sentences("The U.S. joined the G-20 talks.").get(0);
        assertThat(s)
                .extracting(NerToken::text)
                .containsExactly("The", "U.S.", "joined", "the", "G", "-", "20", "talks", ".");
    }

    @Test
    void shouldCutVeryLongTokensAndSentences() {
        List<List<NerToken>> s = NerTokenizer.sentences("x".repeat(1000) + " " + "kata ".repeat(500));
        assertThat(s)
                .allSatisfy(sentence -> assertThat(sentence.size()).isLessThanOrEqualTo(NerTokenizer.MAX_SENTENCE));
        assertThat(s.get(0).get(0).text()).hasSize(NerTokenizer.MAX_TOKEN);
    }

    @Test
    void shouldKeepAccentedAstralAndCombiningLettersInWordsAndEmojiApart() {
        // "Jos\u00e9", a word with a combining acute accent, an astral letter (mathematical bold A), an emoji
        String text = "Jos\u00e9 Cafe\u0301 x\uD835\uDC00y \uD83D\uDE00 ok";
        List<NerToken> s = NerTokenizer.sentences(text).get(0);
        assertThat(s)
                .extracting(NerToken::text)
                .containsExactly("Jos\u00e9", "Cafe\u0301", "x\uD835\uDC00y", "\uD83D\uDE00", "ok");
        for (NerToken t : s) {
            assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text());
        }
    }

    @Test
    void shouldNotThrowOnLoneSurrogates() {
        List<NerToken> s = NerTokenizer.sentences("a\uD800 \uDC00b \uD800").get(0);
        assertThat(s).extracting(NerToken::text).containsExactly("a", "\uD800", "\uDC00", "b", "\uD800");
    }
}
