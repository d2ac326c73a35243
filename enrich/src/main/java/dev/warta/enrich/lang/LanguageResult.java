package dev.warta.enrich.lang;

/** A language verdict: ISO 639-1 code ({@code und} when unsure) and a confidence in [0, 1]. Never null. */
public record LanguageResult(String code, double confidence) {
    public static final LanguageResult UNKNOWN = new LanguageResult("und", 0.0);
}
