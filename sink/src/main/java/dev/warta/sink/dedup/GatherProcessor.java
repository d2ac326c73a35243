package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.FilterReasons;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gather step, keyed by article id: folds the article and its band answers into the gather store; once all
 * answers are in, decides the verdict (or reuses the verdict an earlier delivery of the same id got, so a replay
 * is never its own duplicate), remembers it in the verdict store and forwards the article with duplicateOf /
 * similarity set (and filterReason {@code duplicate} under the drop policy).
 */
public final class GatherProcessor extends ContextualProcessor<String, DedupMessage, String, EnrichedArticle> {
    private final String gatherStoreName;
    private final String verdictStoreName;
    private final DuplicatePolicy policy;
    private KeyValueStore<String, GatherState> gathering;
    private KeyValueStore<String, Verdict> verdicts;

    public GatherProcessor(String gatherStoreName, String verdictStoreName, DuplicatePolicy policy) {
        this.gatherStoreName = gatherStoreName;
        this.verdictStoreName = verdictStoreName;
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        super.init(context);
        gathering = context.getStateStore(gatherStoreName);
        verdicts = context.getStateStore(verdictStoreName);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        String key = m.articleId() + '\u0000' + m.token();
        GatherState state = gathering.get(key);
        state = (state == null ? GatherState.EMPTY : state).add(m);
        if (!state.complete()) {
            gathering.put(key, state);
            return;
        }
        gathering.delete(key);
        Verdict verdict = verdicts.get(m.articleId());
        if (verdict == null) {
            verdict = Verdict.of(state.best());
            verdicts.put(m.articleId(), verdict);
        }
        EnrichedArticle out = apply(state.article(), verdict, policy);
        context().forward(new Record<>(out.getId(), out, Math.max(record.timestamp(), 0L)));
    }

    /** The article with the verdict applied under the policy. */
    public static EnrichedArticle apply(EnrichedArticle a, Verdict v, DuplicatePolicy policy) {
        EnrichedArticle.Builder b = EnrichedArticle.newBuilder(a)
                .setDuplicateOf(v.duplicateOf())
                .setSimilarity(v.similarity());
        if (v.duplicate() && policy == DuplicatePolicy.DROP) {
            b.setFilterReason(FilterReasons.DUPLICATE);
        }
        return b.build();
    }
}
