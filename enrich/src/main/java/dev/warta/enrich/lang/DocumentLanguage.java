package dev.warta.enrich.lang;

import java.util.List;

/** The language of a document and of each of its paragraphs (same order as the input paragraphs). */
public record DocumentLanguage(LanguageResult document, List<LanguageResult> paragraphs) {}
