package dev.warta.enrich.ner;

/**
 * An entity mention: surface text, type (PERSON, ORGANIZATION, LOCATION, ...), char offsets into the tagged text
 * (end exclusive), canonical name, and a Wikidata QID when known (else null).
 */
public record Mention(String text, String type, int start, int end, String canonical, String wikidataId) {}
