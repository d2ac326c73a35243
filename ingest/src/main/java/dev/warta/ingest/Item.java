package dev.warta.ingest;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;

/**
 * One thing a source produced: an article, a dead letter (input it could not turn into an article) or a record it
 * skipped on purpose (e.g. a non-HTML WARC record), so that callers can count all three.
 */
public sealed interface Item permits Item.Article, Item.Dead, Item.Skipped {

    /** Where in the source this item came from ({@code path}, {@code path#N}, feed item guid...). */
    String provenance();

    /** A readable article. */
    record Article(RawArticle article) implements Item {
        @Override
        public String provenance() {
            return article.getProvenance();
        }
    }

    /** Input the source could not read, with the reason. */
    record Dead(DeadLetter letter) implements Item {
        @Override
        public String provenance() {
            return letter.getProvenance();
        }
    }

    /** A record skipped on purpose, e.g. {@code reason = "not-html"}. */
    record Skipped(String provenance, String reason) implements Item {}
}
