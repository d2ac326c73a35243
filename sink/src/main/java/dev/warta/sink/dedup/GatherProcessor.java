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
    private final String pendingStoreName;
    private final String verdictStoreName;
    private final DuplicatePolicy policy;
    private KeyValueStore<String, GatherState> gathering;
    private KeyValueStore<String, GatherState> pending;
    private KeyValueStore<String, Verdict> verdicts;

    /**
     * @param gatherStoreName  counters and best match per delivery (small, rewritten on every band answer)
     * @param pendingStoreName the article per delivery (written once, read once: the article is large)
     */
    public GatherProcessor(String gatherStoreName, String pendingStoreName, String verdictStoreName,
                           DuplicatePolicy policy) {
        this.gatherStoreName = gatherStoreName;
        this.pendingStoreName = pendingStoreName;
        this.verdictStoreName = verdictStoreName;
        this.policy = policy;
    }

    @Override
    public void init(ProcessorContext<String, EnrichedArticle> context) {
        super.init(context);
        gathering = context.getStateStore(gatherStoreName);
        pending = context.getStateStore(pendingStoreName);
        verdicts = context.getStateStore(verdictStoreName);
    }

    @Override
    public void process(Record<String, DedupMessage> record) {
        DedupMessage m = record.value();
        String key = m.articleId() + '\u0000' + m.token();
        GatherState state = gathering.get(key);
        state = state == null ? GatherState.EMPTY : state;
        // the article itself is kept apart (pending store), the gather state holds only counters and best match
        EnrichedArticle article = m.article();
        state = state.add(m);
        if (article != null) {
            state = new GatherState(null, state.expected(), state.received(), state.best());
        }
        if (!state.complete()) {
            gathering.put(key, state);
            if (article != null) {
                pending.put(key, new GatherState(article, state.expected(), 0, null));
            }
            return;
        }
        if (article == null) {
            GatherState stored = pending.get(key);
            article = stored == null ? null : stored.article();
            pending.delete(key);
        }
        gathering.delete(key);
        if (article == null) {
            throw new IllegalStateException("dedup gather of " + m.articleId() + " completed without its article");
        }
        Verdict verdict = verdicts.get(m.articleId());
        if (verdict == null) {
            verdict = Verdict.of(state.best());
            verdicts.put(m.articleId(), verdict);
        }
        EnrichedArticle out = apply(article, verdict, policy);
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
