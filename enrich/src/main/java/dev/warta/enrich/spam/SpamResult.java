package dev.warta.enrich.spam;

import java.util.List;

/**
 * Spam verdict of an article: flagged when any segment is spam, the article score, whether the page is spam as
 * a whole, the segments cut, and the paragraphs kept (input order, spam removed).
 */
public record SpamResult(boolean flagged, double score, boolean wholePage, List<SpamSegmentResult> segments,
                         List<String> kept) {
}
