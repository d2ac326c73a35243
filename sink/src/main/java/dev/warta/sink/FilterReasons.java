package dev.warta.sink;

/** The values sink writes to {@code EnrichedArticle.filterReason} on news.filtered. */
public final class FilterReasons {
    /** The page is spam as a whole. */
    public static final String SPAM_PAGE = "spam-page";
    /** Nothing is left of the text. */
    public static final String EMPTY = "empty";
    /** The document language is not one of the configured languages. */
    public static final String LANGUAGE = "language";
    /** A near-duplicate, under the {@code drop} policy. */
    public static final String DUPLICATE = "duplicate";

    private FilterReasons() {}
}
