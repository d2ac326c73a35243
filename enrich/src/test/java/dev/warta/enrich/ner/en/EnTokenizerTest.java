package dev.warta.enrich.ner.en;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnTokenizerTest {
    @Test
    void shouldSplitPossessivesAndKeepAbbreviations() {
        assertArrayEquals(
                new String[] {"Mr.", "Smith", "met", "U.S.", "officials", "in", "Russia", "'s", "capital", "."},
                EnTokenizer.words("Mr. Smith met U.S. officials in Russia's capital."));
    }

    @Test
    void shouldEndSentencesAtStopsAndLineBreaks() {
        List<List<EnTokenizer.Token>> s = EnTokenizer.sentences("GENEVA TALKS END\nThey met. Then they left!");
        assertEquals(3, s.size());
        assertEquals("GENEVA", s.get(0).get(0).text());
        assertEquals(17, s.get(1).get(0).start());
    }

    @Test
    void shouldKeepHyphenatedWordsAndDatesWhole() {
        assertArrayEquals(
                new String[] {"LONDON", "1996-08-30", "all-rounder", "O'Neill", "won", "3,000", "$"},
                EnTokenizer.words("LONDON 1996-08-30 all-rounder O'Neill won 3,000 $"));
    }
}
