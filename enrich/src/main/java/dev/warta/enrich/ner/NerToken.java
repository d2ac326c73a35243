package dev.warta.enrich.ner;

/** A token of tagged text: its surface form and char offsets (end exclusive) into the text. */
record NerToken(String text, int start, int end) {}
