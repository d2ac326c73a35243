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
 * similarity set (and filterReason {@code duplicate} under the drop policy). The article stays encoded until
 * then: it is decoded once, when the verdict is applied.
 */
public final class GatherProcessor extends ContextualProcessor<String, DedupMessage, String, EnrichedArticle> {
    private final String gatherStoreName;
    private final String pendingStoreName;
    private final String verdictStoreName;
    private final DuplicatePolicy policy;
    private final DedupSerdes serdes;
    private KeyValueStore<String, GatherState> gathering;
    private KeyValueStore<String, PendingArticle> pending;
    private KeyValueStore<String, Verdict> verdicts;

    /**
     * @param gatherStoreName  counters and best match per delivery (small, rewritten on every band answer)
     * @param pendingStoreName the article per delivery (written once, read once: the article is large)
     * @param serdes           decodes the article (the configured article serde)
     */
    public GatherProcessor(String gatherStoreName, String pendingStoreName, String verdictStoreName,
                           DuplicatePolicy policy, DedupSerdes serdes) {
        this.gatherStoreName = gatherStoreName;
        this.pendingStoreName = pendingStoreName;
        this.verdictStoreName = verdictStoreName;
        this.policy = policy;
        this.serdes = serdes;
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
        GatherState stored = gathering.get(key);
        GatherState state = (stored == null ? GatherState.EMPTY : stored).add(m);
        byte[] articleBytes = serdes.articleBytes(m);
        if (articleBytes != null) {
            // the article itself is kept apart (pending store): the gather state holds counters and best match
            state = new GatherState(null, state.expected(), state.received(), state.best());
        }
        if (!state.complete()) {
            gathering.put(key, state);
            if (articleBytes != null) {
                pending.put(key, new PendingArticle(state.expected(), articleBytes));
            }
            return;
        }
        if (articleBytes == null) {
            PendingArticle waiting = pending.get(key);
            articleBytes = waiting == null ? null : waiting.articleBytes();
            pending.delete(key);
        }
        if (stored != null) {
            gathering.delete(key);
        }
        if (articleBytes == null) {
            throw new IllegalStateException("dedup gather of " + m.articleId() + " completed without its article");
        }
        EnrichedArticle out = decide(m.articleId(), articleBytes, state.best(), verdicts, policy, serdes);
        context().forward(new Record<>(out.getId(), out, Math.max(record.timestamp(), 0L)));
    }

    /**
     * The article ({@code articleBytes}, decoded) with its verdict: the one {@code verdicts} already holds for its
     * id (a replay is never its own duplicate), else the one {@code best} gives, remembered. Under the drop policy
     * a duplicate gets filterReason {@code duplicate}.
     */
    static EnrichedArticle decide(String articleId, byte[] articleBytes, BandMatch best,
                                  KeyValueStore<String, Verdict> verdicts, DuplicatePolicy policy, DedupSerdes serdes) {
        Verdict verdict = verdicts.get(articleId);
        if (verdict == null) {
            verdict = Verdict.of(best);
            verdicts.put(articleId, verdict);
        }
        // a freshly decoded record of our own: set the verdict on it rather than copying it
        EnrichedArticle out = serdes.decode(articleBytes);
        out.setDuplicateOf(verdict.duplicateOf());
        out.setSimilarity(verdict.similarity());
        if (verdict.duplicate() && policy == DuplicatePolicy.DROP) {
            out.setFilterReason(FilterReasons.DUPLICATE);
        }
        return out;
    }

    /** The article with the verdict applied under the policy (a copy; {@code a} is unchanged). */
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
