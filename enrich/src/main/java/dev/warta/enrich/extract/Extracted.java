package dev.warta.enrich.extract;

import java.util.List;

/**
 * What {@link HtmlExtractor} found in a page. {@code text} is the main text, paragraphs separated by a blank
 * line; {@code publishedAt} is ISO-8601 with offset or null, {@code publishedAtRule} names the rule that found
 * it (json-ld, meta, time, visible, ...). Any field may be null (lists empty) when the page does not say.
 */
public record Extracted(
        String title,
        String text,
        String publishedAt,
        String publishedAtRule,
        List<String> authors,
        String siteName,
        String canonicalUrl,
        String languageHint) {}
