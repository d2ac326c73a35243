package dev.warta.sink.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.Articles;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.SinkConfig;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-partition dedup step: one record per article, and an index rebuilt from those records on start. */
class DecideProcessorTest {
    private static final String EDITED = Articles.FLOOD.replace("ratusan rumah", "ratusan rumah dan sekolah");
    private final AvroSerde<EnrichedArticle> serde =
            AvroSerde.of(EnrichedArticle.class, "mem://decide-test-" + UUID.randomUUID());
    private final DedupSerdes serdes = new DedupSerdes(serde);
    private final Probes probes = new Probes(SinkConfig.DEFAULT_BANDS, SinkConfig.DEFAULT_ROWS);
    private final Fingerprinter fp = new Fingerprinter();
    private KeyValueStore<String, Seen> store;

    @BeforeEach
    void store() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"), Serdes.String(), serdes.seen())
                .withLoggingDisabled()
                .build();
        MockProcessorContext<String, Decided> ctx = new MockProcessorContext<>();
        store.init(ctx.getStateStoreContext(), store);
    }

    private MockProcessorContext<String, Decided> started() {
        MockProcessorContext<String, Decided> ctx = new MockProcessorContext<>();
        ctx.addStateStore(store);
        DecideProcessor p = new DecideProcessor(
                "seen", 0.8, 4, new VerdictWriter(serde, Topics.CLEAN, Topics.FILTERED, DuplicatePolicy.MARK), serdes);
        p.init(ctx);
        processors.put(ctx, p);
        return ctx;
    }

    private final java.util.Map<MockProcessorContext<String, Decided>, DecideProcessor> processors =
            new java.util.HashMap<>();

    private Decided send(MockProcessorContext<String, Decided> ctx, String id, String text, long ts) {
        EnrichedArticle a = Articles.article(id, text);
        int[] signature = fp.minhash(text);
        List<Probes.Target> targets = probes.targets(signature, fp.textHash(text));
        DedupMessage m = DedupMessage.probes(
                id, "t/" + ts, ts, targets, signature, serde.serialize(Topics.ENRICHED, a), targets.size());
        ctx.resetForwards();
        processors.get(ctx).process(new Record<>(targets.get(0).key(), m, ts));
        return ctx.forwarded().get(0).record().value();
    }

    @Test
    void shouldFindADuplicateAfterTheIndexIsRebuiltFromTheSeenRecords() {
        var first = started();
        assertThat(send(first, "orig", Articles.FLOOD, 1L).duplicate()).isFalse();
        assertThat(send(
                                first,
                                "other",
                                "Harga cabai rawit di pasar tradisional Surabaya melonjak hingga dua kali "
                                        + "lipat menjelang akhir pekan karena pasokan dari petani di Jawa Timur berkurang.",
                                2L)
                        .duplicate())
                .isFalse();
        assertThat(store.approximateNumEntries()).isEqualTo(2);

        // a new task (restart, crash or rebalance) starts from the store alone
        var second = started();
        Decided edited = send(second, "edit", EDITED, 3L);
        assertThat(edited.duplicate()).isTrue();
        assertThat(serde.deserialize(Topics.CLEAN, edited.wire()).getDuplicateOf())
                .isEqualTo("orig");
        assertThat(store.get("edit").verdict().duplicateOf()).isEqualTo("orig");
        assertThat(store.approximateNumEntries()).isEqualTo(3);
    }

    @Test
    void shouldGiveAReplayedIdItsFirstVerdictWithoutRememberingItTwice() {
        var ctx = started();
        send(ctx, "orig", Articles.FLOOD, 1L);
        send(ctx, "edit", EDITED, 2L);
        Seen before = store.get("edit");
        var restarted = started();
        Decided again = send(restarted, "edit", EDITED, 5L);
        assertThat(again.duplicate()).isTrue();
        assertThat(store.get("edit").seq()).isEqualTo(before.seq());
        assertThat(send(restarted, "orig", Articles.FLOOD, 6L).duplicate()).isFalse();
    }

    @Test
    void shouldKeepOnlyTheFirstArticlesOfAFullBucketAcrossARebuild() {
        var ctx = started();
        for (int i = 0; i < 6; i++) {
            send(ctx, "copy" + i, Articles.FLOOD, i);
        }
        // the exact band holds the first four copies; the fifth and sixth were not remembered there
        long exact = MemoryBandIndex.hash(Lsh.exactKey(fp.textHash(Articles.FLOOD)));
        assertThat(store.get("copy3").buckets()).contains(exact);
        assertThat(store.get("copy4").buckets()).doesNotContain(exact);
        var rebuilt = started();
        Decided next = send(rebuilt, "copy6", Articles.FLOOD, 7L);
        assertThat(serde.deserialize(Topics.CLEAN, next.wire()).getDuplicateOf())
                .isEqualTo("copy0");
    }
}
