package dev.warta.sink.dedup;

import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Gather step, keyed by article id: folds the article and its band answers into the gather store; once all
 * answers are in, decides the verdict (or reuses the verdict an earlier delivery of the same id got, so a replay
 * is never its own duplicate), remembers it in the verdict store and forwards the article with duplicateOf /
 * similarity set (and filterReason {@code duplicate} under the drop policy, {@link VerdictWriter}). The article
 * stays encoded throughout: only a duplicate is decoded, to write its verdict into it.
 */
public final class GatherProcessor extends ContextualProcessor<String, DedupMessage, String, Decided> {
    private final String gatherStoreName;
    private final String pendingStoreName;
    private final String verdictStoreName;
    private final VerdictWriter writer;
    private final DedupSerdes serdes;
    private KeyValueStore<String, GatherState> gathering;
    private KeyValueStore<String, PendingArticle> pending;
    private KeyValueStore<String, Verdict> verdicts;

    /**
     * @param gatherStoreName  counters and best match per delivery (small, rewritten on every band answer)
     * @param pendingStoreName the article per delivery (written once, read once: the article is large)
     * @param writer           applies the verdict to the encoded article
     * @param serdes           encodes an article that a first-version message carries decoded
     */
    public GatherProcessor(
            String gatherStoreName,
            String pendingStoreName,
            String verdictStoreName,
            VerdictWriter writer,
            DedupSerdes serdes) {
        this.gatherStoreName = gatherStoreName;
        this.pendingStoreName = pendingStoreName;
        this.verdictStoreName = verdictStoreName;
        this.writer = writer;
        this.serdes = serdes;
    }

    @Override
    public void init(ProcessorContext<String, Decided> context) {
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
        Decided out = writer.apply(m.articleId(), articleBytes, verdict(m.articleId(), state.best(), verdicts));
        context().forward(new Record<>(out.id(), out, Math.max(record.timestamp(), 0L)));
    }

    /**
     * The verdict of {@code articleId}: the one {@code verdicts} already holds (a replay is never its own duplicate),
     * else the one {@code best} gives, remembered.
     */
    static Verdict verdict(String articleId, BandMatch best, KeyValueStore<String, Verdict> verdicts) {
        Verdict verdict = verdicts.get(articleId);
        if (verdict == null) {
            verdict = Verdict.of(best);
            verdicts.put(articleId, verdict);
        }
        return verdict;
    }
}
