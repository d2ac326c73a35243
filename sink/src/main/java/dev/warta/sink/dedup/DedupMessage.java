package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;

/**
 * What flows through the dedup repartition topics. {@code ARTICLE}: the article itself on its way to the gather
 * step, with the number of band answers to wait for; {@code PROBE}: a request to one band bucket;
 * {@code ANSWER}: that bucket's reply (match may be null). {@code token} tells apart two deliveries of the same id.
 */
public record DedupMessage(Kind kind, String articleId, String token, long ts, int expected, boolean exact,
                           int[] signature, BandMatch match, EnrichedArticle article) {

    public enum Kind { ARTICLE, PROBE, ANSWER }

    public static DedupMessage article(String id, String token, long ts, int expected, EnrichedArticle article) {
        return new DedupMessage(Kind.ARTICLE, id, token, ts, expected, false, null, null, article);
    }

    public static DedupMessage probe(String id, String token, long ts, boolean exact, int[] signature) {
        return new DedupMessage(Kind.PROBE, id, token, ts, 0, exact, exact ? null : signature, null, null);
    }

    public static DedupMessage answer(String id, String token, BandMatch match) {
        return new DedupMessage(Kind.ANSWER, id, token, 0L, 0, false, null, match, null);
    }
}
