package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.FilterReasons;

/**
 * Applies a verdict to an encoded article. An article that is no duplicate and is encoded with the schema the clean
 * topic uses leaves as the bytes it came in (the sink's input step clears any verdict fields a record carried);
 * a duplicate is decoded, gets duplicateOf and similarity (and filterReason {@code duplicate} under the drop
 * policy) and is encoded for its topic. Thread-safe.
 */
public final class VerdictWriter {
    private final AvroSerde<EnrichedArticle> serde;
    private final String cleanTopic;
    private final String filteredTopic;
    private final DuplicatePolicy policy;

    public VerdictWriter(
            AvroSerde<EnrichedArticle> serde, String cleanTopic, String filteredTopic, DuplicatePolicy policy) {
        this.serde = serde;
        this.cleanTopic = cleanTopic;
        this.filteredTopic = filteredTopic;
        this.policy = policy;
    }

    /** The article {@code articleBytes} (wire format, id {@code articleId}) with {@code verdict} applied. */
    public Decided apply(String articleId, byte[] articleBytes, Verdict verdict) {
        if (!verdict.duplicate() && AvroSerde.schemaIdOf(articleBytes) == serde.schemaIdFor(cleanTopic)) {
            return new Decided(articleId, articleBytes, false, null);
        }
        // a freshly decoded record of our own: set the verdict on it rather than copying it
        EnrichedArticle out = serde.deserialize(cleanTopic, articleBytes);
        out.setDuplicateOf(verdict.duplicateOf());
        out.setSimilarity(verdict.similarity());
        if (verdict.duplicate() && policy == DuplicatePolicy.DROP) {
            out.setFilterReason(FilterReasons.DUPLICATE);
            return new Decided(out.getId(), serde.serialize(filteredTopic, out), true, FilterReasons.DUPLICATE);
        }
        return new Decided(out.getId(), serde.serialize(cleanTopic, out), verdict.duplicate(), null);
    }
}
