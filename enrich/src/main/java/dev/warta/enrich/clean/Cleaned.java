package dev.warta.enrich.clean;

import java.util.List;

/**
 * Text after boilerplate removal: {@code text} paragraphs separated by a blank line, the editor/photo credits
 * that were cut, and a publication time found in the page text (ISO-8601 with offset, or null) with its rule.
 */
public record Cleaned(String text, List<String> credits, String publishedAt, String publishedAtRule) {
}
