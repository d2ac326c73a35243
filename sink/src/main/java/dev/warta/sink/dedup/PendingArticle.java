package dev.warta.sink.dedup;

/**
 * An article the gather step keeps until all its band answers are in: how many to expect, and the article as
 * encoded on news.enriched (decoded once, when the verdict is applied).
 */
public record PendingArticle(int expected, byte[] articleBytes) {}
