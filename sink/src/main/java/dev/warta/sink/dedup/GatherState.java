package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;

/**
 * The band answers gathered so far for one delivery of an article: how many arrived, the best match, and the
 * article once it arrived (with the number of answers to expect). Immutable; {@link #add} returns the next state.
 */
public record GatherState(EnrichedArticle article, int expected, int received, BandMatch best) {
    public static final GatherState EMPTY = new GatherState(null, -1, 0, null);

    public GatherState add(DedupMessage m) {
        return switch (m.kind()) {
            case ARTICLE -> new GatherState(m.article(), m.expected(), received, best);
            case ANSWER -> new GatherState(article, expected, received + 1, BandMatch.better(best, m.match()));
            case ANSWERS ->
                new GatherState(
                        m.article() != null ? m.article() : article,
                        m.carriesArticle() ? m.expected() : expected,
                        received + m.answered(),
                        BandMatch.better(best, m.match()));
            case PROBE, PROBES -> this;
        };
    }

    /** True when the article (which sets {@code expected}) and all its band answers are here. */
    public boolean complete() {
        return expected >= 0 && received >= expected;
    }
}
