package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import java.util.List;

/**
 * What flows through the dedup repartition topics. {@code token} tells apart two deliveries of the same id.
 *
 * <ul>
 *   <li>{@code PROBES}: the requests of one article to all its band buckets that live on one partition of the
 *   band topic ({@code targets}), with its signature; one of an article's PROBES messages also carries the
 *   article and the total number of buckets it probes ({@code expected}).</li>
 *   <li>{@code ANSWERS}: the band step's reply to a PROBES message: how many buckets answered ({@code answered}),
 *   the best match among them (may be null), and the article and {@code expected} when the probes carried them.</li>
 *   <li>{@code ARTICLE}, {@code PROBE}, {@code ANSWER}: the one-message-per-bucket form of the first version,
 *   still understood so that records in flight during an upgrade are processed.</li>
 * </ul>
 * PROBES and ANSWERS carry the article as {@code articleBytes}: its encoding as on news.enriched, passed through
 * the band step and stored by the gather step without being decoded; the first version's ARTICLE carries the
 * decoded {@code article}.
 */
public record DedupMessage(
        Kind kind,
        String articleId,
        String token,
        long ts,
        int expected,
        boolean exact,
        int[] signature,
        BandMatch match,
        EnrichedArticle article,
        List<Probes.Target> targets,
        int answered,
        byte[] articleBytes) {

    /** Message kinds; the ordinal is the wire code, so new kinds are only ever appended. */
    public enum Kind {
        ARTICLE,
        PROBE,
        ANSWER,
        PROBES,
        ANSWERS
    }

    public DedupMessage {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public static DedupMessage article(String id, String token, long ts, int expected, EnrichedArticle article) {
        return new DedupMessage(Kind.ARTICLE, id, token, ts, expected, false, null, null, article, null, 0, null);
    }

    public static DedupMessage probe(String id, String token, long ts, boolean exact, int[] signature) {
        return new DedupMessage(
                Kind.PROBE, id, token, ts, 0, exact, exact ? null : signature, null, null, null, 0, null);
    }

    public static DedupMessage answer(String id, String token, BandMatch match) {
        return new DedupMessage(Kind.ANSWER, id, token, 0L, 0, false, null, match, null, null, 0, null);
    }

    /**
     * Probes of the buckets {@code targets} (all on one band partition); {@code articleBytes} (the encoded article,
     * may be null) travels with them to the gather step together with {@code expected}, the article's total
     * number of buckets.
     */
    public static DedupMessage probes(
            String id,
            String token,
            long ts,
            List<Probes.Target> targets,
            int[] signature,
            byte[] articleBytes,
            int expected) {
        boolean anyBand = targets.stream().anyMatch(t -> !t.exact());
        return new DedupMessage(
                Kind.PROBES,
                id,
                token,
                ts,
                articleBytes == null ? 0 : expected,
                false,
                anyBand ? signature : null,
                null,
                null,
                targets,
                0,
                articleBytes);
    }

    /** True when the message brings the article (decoded or encoded) and so the number of answers to expect. */
    public boolean carriesArticle() {
        return article != null || articleBytes != null;
    }

    /** The reply to a PROBES message: {@code answered} buckets, their best {@code match}, the article if carried. */
    public static DedupMessage answers(DedupMessage probes, int answered, BandMatch match) {
        return new DedupMessage(
                Kind.ANSWERS,
                probes.articleId(),
                probes.token(),
                0L,
                probes.expected(),
                false,
                null,
                match,
                probes.article(),
                null,
                answered,
                probes.articleBytes());
    }
}
