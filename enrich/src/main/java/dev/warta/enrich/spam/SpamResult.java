package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;

/**
 * Spam verdict of an article: flagged when any segment is spam, the article score, whether the page is spam as
 * a whole, the segments cut, and what remains of each input paragraph (same order and size as the input; an
 * empty string when the whole paragraph was cut, the clean sentences when only part of it was).
 */
public record SpamResult(
        boolean flagged, double score, boolean wholePage, List<SpamSegmentResult> segments, List<String> remaining) {
    /** The paragraphs kept (input order, spam removed, cut paragraphs left out). */
    public List<String> kept() {
        List<String> out = new ArrayList<>(remaining.size());
        for (String r : remaining) {
            if (!r.isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }
}
