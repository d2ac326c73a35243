package dev.warta.enrich.ner.en;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The English tagger on sentences written for these tests, through the article path. */
class EnglishTaggerTest {
    private static final EntityTagger TAGGER = EntityTagger.load();

    private static List<Mention> english(String text) {
        return TAGGER.tag(List.of(text), List.of("en"), "en");
    }

    private static Optional<Mention> find(List<Mention> ms, String text) {
        return ms.stream().filter(m -> m.text().equals(text)).findFirst();
    }

    @Test
    void shouldTagThePersonAfterATitleWithoutTheTitle() {
        List<Mention> ms = english("Secretary of State Antony Blinken spoke with his counterpart on Friday.");
        Mention m = find(ms, "Antony Blinken").orElseThrow(() -> new AssertionError(ms.toString()));
        assertEquals("PERSON", m.type());
        assertTrue(ms.stream().noneMatch(x -> x.text().contains("Secretary")), ms.toString());
    }

    @Test
    void shouldLeaveThePossessiveOutOfTheName() {
        List<Mention> ms = english("Russia's foreign ministry said the talks would continue next week.");
        Mention m = find(ms, "Russia").orElseThrow(() -> new AssertionError(ms.toString()));
        assertEquals("LOCATION", m.type());
        assertEquals("Russia", m.canonical());
    }

    @Test
    void shouldReadADatelineInCapitalsAsThePlace() {
        List<Mention> ms = english("GENEVA - Diplomats from both countries met on Monday to discuss a prisoner swap.");
        Mention m = find(ms, "GENEVA").orElseThrow(() -> new AssertionError(ms.toString()));
        assertEquals("LOCATION", m.type());
        assertEquals("Geneva", m.canonical());
    }

    @Test
    void shouldFindPlacesInAHeadlineInCapitals() {
        List<Mention> ms = english("RUSSIA AND UKRAINE AGREE TO NEW TALKS IN TURKEY");
        assertEquals(
                "Russia",
                find(ms, "RUSSIA")
                        .orElseThrow(() -> new AssertionError(ms.toString()))
                        .canonical());
        assertEquals(
                "Turkey",
                find(ms, "TURKEY")
                        .orElseThrow(() -> new AssertionError(ms.toString()))
                        .canonical());
    }

    @Test
    void shouldGiveOneCanonicalNameAcrossIndonesianAndEnglishParagraphs() {
        String id = "Menteri Luar Negeri Rusia Sergei Lavrov tiba di Jenewa untuk bertemu pejabat Amerika Serikat.";
        String en = "U.S. officials met Sergei Lavrov in Geneva, where Lavrov repeated Moscow's demands.";
        List<Mention> ms = TAGGER.tag(List.of(id, en), List.of("id", "en"), "id");
        int enStart = id.length() + 2;
        for (Mention m : ms) {
            assertEquals(m.text(), (id + "\n\n" + en).substring(m.start(), m.end()));
        }
        List<String> geneva = ms.stream()
                .filter(m -> m.text().equals("Jenewa") || m.text().equals("Geneva"))
                .map(Mention::canonical)
                .distinct()
                .toList();
        assertEquals(List.of("Geneva"), geneva, ms.toString());
        List<String> us = ms.stream()
                .filter(m -> m.text().equals("Amerika Serikat") || m.text().equals("U.S."))
                .map(Mention::canonical)
                .distinct()
                .toList();
        assertEquals(List.of("United States"), us, ms.toString());
        List<String> lavrov = ms.stream()
                .filter(m -> m.text().contains("Lavrov"))
                .map(Mention::canonical)
                .distinct()
                .toList();
        assertEquals(List.of("Sergey Lavrov"), lavrov, ms.toString());
        assertTrue(ms.stream().anyMatch(m -> m.start() >= enStart && m.text().equals("Geneva")), ms.toString());
    }

    @Test
    void shouldTagCoNllStyleTokensWithTheEnglishTagger() {
        List<String> tags = TAGGER.withLanguage("en")
                .tagTokens(List.of("Chancellor", "Angela", "Merkel", "visited", "Paris", "on", "Tuesday", "."));
        assertEquals(List.of("O", "B-PERSON", "I-PERSON", "O", "B-LOCATION", "O", "O", "O"), tags);
    }

    @Test
    void shouldRouteSentencesByLanguage() {
        assertTrue(
                Bilingual.english(List.of("The", "minister", "said", "on", "Friday", "that", "talks", "failed", ".")));
        assertFalse(Bilingual.english(List.of("Presiden", "meresmikan", "jembatan", "di", "Bandung", "dan", "Bogor")));
        assertTrue(Bilingual.english(List.of("LONDON", "1996-08-30")));
        assertFalse(Bilingual.english(List.of("the", "minister", "said", "so", ".")));
    }
}
