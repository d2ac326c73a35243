package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.dedup.Lsh;
import dev.warta.sink.dedup.Seen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkTopologyTest {
    private static final String APP = "warta-sink-test";

    @TempDir
    Path stateDir;

    private final AvroSerde<EnrichedArticle> serde =
            AvroSerde.of(EnrichedArticle.class, "mem://sink-test-" + UUID.randomUUID());
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final SinkStats stats = new SinkStats() {
        @Override
        public void clean(boolean duplicate) {
            counts.computeIfAbsent(duplicate ? "clean-duplicate" : "clean", k -> new AtomicLong())
                    .incrementAndGet();
        }

        @Override
        public void filtered(String reason) {
            counts.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
        }
    };
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, EnrichedArticle> clean;
    private TestOutputTopic<String, EnrichedArticle> filtered;
    private long clock = Instant.parse("2026-01-05T08:00:00Z").toEpochMilli();

    /** Partitions of the band topic under test: one (band and verdict in one step) unless a subclass says more. */
    int dedupPartitions() {
        return SinkConfig.DEFAULT_DEDUP_PARTITIONS;
    }

    private void start(SinkConfig cfg) {
        cfg = cfg.withDedupPartitions(dedupPartitions());
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APP);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(SinkTopology.build(cfg.withStats(stats)), p);
        in = driver.createInputTopic(Topics.ENRICHED, Serdes.String().serializer(), serde.serializer());
        clean = driver.createOutputTopic(Topics.CLEAN, Serdes.String().deserializer(), serde.deserializer());
        filtered = driver.createOutputTopic(Topics.FILTERED, Serdes.String().deserializer(), serde.deserializer());
    }

    private void start() {
        start(SinkConfig.defaults(serde).withLanguages(Set.of("id", "en")));
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private void send(EnrichedArticle a) {
        clock += 1000;
        in.pipeInput(new TestRecord<>(a.getId(), a, Instant.ofEpochMilli(clock)));
    }

    @Test
    void shouldPublishDistinctArticlesToCleanKeyedById() {
        start();
        send(Articles.article("a1", Articles.FLOOD));
        send(Articles.article("a2", Articles.MARKET));
        List<TestRecord<String, EnrichedArticle>> out = clean.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("a1", "a2");
        assertThat(out).allSatisfy(r -> {
            assertThat(r.value().getDuplicateOf()).isNull();
            assertThat(r.value().getFilterReason()).isNull();
        });
        assertThat(filtered.isEmpty()).isTrue();
        assertThat(counts.get("clean").get()).isEqualTo(2);
    }

    @Test
    void shouldPassAnArticleThatIsNoDuplicateOnAsTheBytesItCameIn() {
        start();
        var bytesIn = driver.createInputTopic(
                Topics.ENRICHED,
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        var bytesOut = driver.createOutputTopic(
                Topics.CLEAN, Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        byte[] first = serde.serialize(Topics.ENRICHED, Articles.article("b1", Articles.FLOOD));
        byte[] copy = serde.serialize(Topics.ENRICHED, Articles.article("b2", Articles.FLOOD));
        bytesIn.pipeInput("b1", first);
        bytesIn.pipeInput("b2", copy);

        var out = bytesOut.readKeyValuesToMap();
        assertThat(out.get("b1")).as("no duplicate: untouched").isEqualTo(first);
        assertThat(out.get("b2")).as("a duplicate gets its verdict written in").isNotEqualTo(copy);
        assertThat(serde.deserialize(Topics.CLEAN, out.get("b2")).getDuplicateOf())
                .isEqualTo("b1");
    }

    @Test
    void shouldClearAVerdictTheInputRecordAlreadyCarried() {
        start();
        EnrichedArticle stale = Articles.article("c1", Articles.FLOOD);
        stale.setDuplicateOf("someone-else");
        stale.setSimilarity(0.5);
        stale.setFilterReason("duplicate");
        send(stale);

        EnrichedArticle out = clean.readValue();
        assertThat(out.getId()).isEqualTo("c1");
        assertThat(out.getDuplicateOf()).isNull();
        assertThat(out.getSimilarity()).isNull();
        assertThat(out.getFilterReason()).isNull();
    }

    @Test
    void shouldFilterWholePageSpam() {
        start();
        send(Articles.article("s1", Articles.MARKET, "id", true));
        assertThat(clean.isEmpty()).isTrue();
        TestRecord<String, EnrichedArticle> r = filtered.readRecord();
        assertThat(r.key()).isEqualTo("s1");
        assertThat(r.value().getFilterReason()).isEqualTo(FilterReasons.SPAM_PAGE);
        assertThat(counts.get(FilterReasons.SPAM_PAGE).get()).isEqualTo(1);
    }

    @Test
    void shouldKeyOutcomesByArticleIdWhateverTheInputKey() {
        start();
        clock += 1000;
        in.pipeInput(new TestRecord<>(null, Articles.article("k1", Articles.MARKET), Instant.ofEpochMilli(clock)));
        in.pipeInput(new TestRecord<>("wrong", Articles.article("k2", ""), Instant.ofEpochMilli(clock + 1)));
        assertThat(clean.readKeyValue().key).isEqualTo("k1");
        assertThat(filtered.readKeyValue().key).isEqualTo("k2");
    }

    @Test
    void shouldFilterEmptyText() {
        start();
        send(Articles.article("e1", "  \n\n "));
        assertThat(clean.isEmpty()).isTrue();
        assertThat(filtered.readValue().getFilterReason()).isEqualTo(FilterReasons.EMPTY);
    }

    @Test
    void shouldFilterLanguageOutsideConfiguredList() {
        start();
        send(Articles.article("m1", Articles.MARKET, "ms", false));
        send(Articles.article("m2", Articles.ELECTION, "en", false));
        assertThat(filtered.readValue().getFilterReason()).isEqualTo(FilterReasons.LANGUAGE);
        assertThat(clean.readKeyValue().key).isEqualTo("m2");
    }

    @Test
    void shouldAcceptEveryLanguageWhenNoneConfigured() {
        start(SinkConfig.defaults(serde));
        send(Articles.article("m1", Articles.MARKET, "ms", false));
        assertThat(clean.readKeyValue().key).isEqualTo("m1");
    }

    @Test
    void shouldMarkExactRepeatUnderAnotherIdWithSimilarityOne() {
        start();
        send(Articles.article("first", Articles.FLOOD));
        send(Articles.article("copy", Articles.FLOOD.toUpperCase().replace(",", " ;")));
        List<EnrichedArticle> out = clean.readValuesToList();
        assertThat(out.get(0).getDuplicateOf()).isNull();
        assertThat(out.get(1).getId()).isEqualTo("copy");
        assertThat(out.get(1).getDuplicateOf()).isEqualTo("first");
        assertThat(out.get(1).getSimilarity()).isEqualTo(1.0);
        assertThat(counts.get("clean-duplicate").get()).isEqualTo(1);
    }

    @Test
    void shouldMarkLightlyEditedTextAsNearDuplicateOfFirst() {
        start();
        send(Articles.article("orig", Articles.FLOOD));
        send(Articles.article("other", Articles.MARKET));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        Map<String, EnrichedArticle> out = byId(clean.readValuesToList());
        double trueJaccard = jaccard(Articles.FLOOD, Articles.FLOOD_EDITED);
        assertThat(trueJaccard).isGreaterThan(0.8);
        assertThat(out.get("edit").getDuplicateOf()).isEqualTo("orig");
        assertThat(out.get("edit").getSimilarity())
                .isBetween(0.8, 0.999)
                .isCloseTo(trueJaccard, org.assertj.core.data.Offset.offset(0.1));
        assertThat(out.get("other").getDuplicateOf()).isNull();
    }

    @Test
    void shouldNotMarkArticleBelowThreshold() {
        start(SinkConfig.defaults(serde).withThreshold(0.99));
        send(Articles.article("orig", Articles.FLOOD));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        assertThat(clean.readValuesToList())
                .extracting(EnrichedArticle::getDuplicateOf)
                .containsOnlyNulls();
    }

    @Test
    void shouldPropagateClusterRootToLaterCopies() {
        start();
        send(Articles.article("root", Articles.FLOOD));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        send(Articles.article("edit-copy", Articles.FLOOD_EDITED));
        Map<String, EnrichedArticle> out = byId(clean.readValuesToList());
        assertThat(out.get("edit").getDuplicateOf()).isEqualTo("root");
        assertThat(out.get("edit-copy").getDuplicateOf()).isEqualTo("root");
    }

    @Test
    void shouldBringIdsOfDifferentPartitionsToTheSameBandThroughTheRepartitionTopic() {
        // two ids that the default partitioner puts on different partitions of a 4-partition topic
        String a = "artikel-1";
        String b = firstIdOnAnotherPartition(a, 4);
        start();
        send(Articles.article(a, Articles.FLOOD));
        send(Articles.article(b, Articles.FLOOD_EDITED));

        Set<String> keysA = new HashSet<>(new Lsh(SinkConfig.DEFAULT_BANDS, SinkConfig.DEFAULT_ROWS)
                .bandKeys(Articles.FP.minhash(Articles.FLOOD)));
        keysA.retainAll(new Lsh(SinkConfig.DEFAULT_BANDS, SinkConfig.DEFAULT_ROWS)
                .bandKeys(Articles.FP.minhash(Articles.FLOOD_EDITED)));
        assertThat(keysA).as("shared band buckets").isNotEmpty();
        String bandsTopic = APP + "-" + SinkTopology.BANDS_TOPIC + "-repartition";
        String gatherTopic = APP + "-" + SinkTopology.GATHER_TOPIC + "-repartition";
        assertThat(driver.producedTopicNames()).contains(bandsTopic);
        if (dedupPartitions() > 1) {
            assertThat(driver.producedTopicNames()).contains(gatherTopic);
        } else {
            assertThat(driver.producedTopicNames()).doesNotContain(gatherTopic);
        }
        // the probes of both articles travel on the band repartition topic to the shared bucket keys, each
        // message keyed so that the default partitioner takes it to the partition owning all its buckets
        var messages = new dev.warta.sink.dedup.DedupSerdes(serde).message();
        Map<String, Set<String>> idsByKey = new java.util.HashMap<>();
        int n = dedupPartitions();
        int sent = 0;
        for (TestRecord<String, dev.warta.sink.dedup.DedupMessage> r : driver.createOutputTopic(
                        bandsTopic, Serdes.String().deserializer(), messages.deserializer())
                .readRecordsToList()) {
            sent++;
            for (var t : r.value().targets()) {
                assertThat(partition(t.key(), n)).isEqualTo(partition(r.key(), n));
                idsByKey.computeIfAbsent(t.key(), k -> new HashSet<>())
                        .add(r.value().articleId());
            }
        }
        assertThat(keysA).allSatisfy(k -> assertThat(idsByKey.get(k)).containsExactlyInAnyOrder(a, b));
        assertThat(idsByKey).hasSize(2 * (SinkConfig.DEFAULT_BANDS + 1) - keysA.size());
        assertThat(sent).as("band messages for two articles").isLessThanOrEqualTo(2 * n);
        assertThat(byId(clean.readValuesToList()).get(b).getDuplicateOf()).isEqualTo(a);
    }

    @Test
    void shouldStoreEachSignatureOnceAndStillMatchEntriesWrittenWithAnInlineSignature() {
        assumeTrue(dedupPartitions() > 1, "band stores exist on the gathered path");
        start();
        send(Articles.article("a1", Articles.FLOOD));
        send(Articles.article("a2", Articles.MARKET));
        var bands = driver.<String, List<dev.warta.sink.dedup.BandEntry>>getKeyValueStore(SinkTopology.BAND_STORE);
        var signatures = driver.<String, short[]>getKeyValueStore(SinkTopology.SIGNATURE_STORE);
        List<String> signatureKeys = new ArrayList<>();
        signatures.all().forEachRemaining(kv -> signatureKeys.add(kv.key));
        assertThat(signatureKeys).hasSize(2);
        List<Integer> storedLengths = new ArrayList<>();
        bands.all().forEachRemaining(kv -> kv.value.forEach(e -> storedLengths.add(e.signature().length)));
        assertThat(storedLengths).hasSize(2 * (SinkConfig.DEFAULT_BANDS + 1)).containsOnly(0);

        // a bucket entry as the first version wrote it, with its signature inline, is still a match
        int[] legacy = Articles.FP.minhash(Articles.ELECTION);
        short[] low = new short[legacy.length];
        for (int i = 0; i < legacy.length; i++) {
            low[i] = (short) legacy[i];
        }
        for (String key : new Lsh(SinkConfig.DEFAULT_BANDS, SinkConfig.DEFAULT_ROWS).bandKeys(legacy)) {
            bands.put(key, List.of(new dev.warta.sink.dedup.BandEntry("old", "old", 1L, 1L, low)));
        }
        clean.readRecordsToList();
        send(Articles.article("new", Articles.ELECTION + " Rapat dilanjutkan pekan depan."));
        EnrichedArticle out = clean.readValue();
        assertThat(out.getId()).isEqualTo("new");
        assertThat(out.getDuplicateOf()).isEqualTo("old");
    }

    @Test
    void shouldKeepOneSeenRecordPerArticleOnTheOnePartitionPath() {
        assumeTrue(dedupPartitions() == 1, "the seen store is the one-partition path");
        start();
        send(Articles.article("a1", Articles.FLOOD));
        send(Articles.article("a2", Articles.MARKET));
        send(Articles.article("a3", Articles.FLOOD_EDITED));
        send(Articles.article("a1", Articles.FLOOD));
        var seen = driver.<String, Seen>getKeyValueStore(SinkTopology.SEEN_STORE);
        List<String> ids = new ArrayList<>();
        seen.all().forEachRemaining(kv -> ids.add(kv.key));
        assertThat(ids).containsExactlyInAnyOrder("a1", "a2", "a3");
        assertThat(seen.get("a3").verdict().duplicateOf()).isEqualTo("a1");
        assertThat(seen.get("a1").verdict().duplicate()).isFalse();
        // the replayed a1 got its first verdict again: not a duplicate of itself or of a3
        assertThat(clean.readValuesToList())
                .filteredOn(a -> a.getId().equals("a1"))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.getDuplicateOf()).isNull());
    }

    @Test
    void shouldDropDuplicatesToFilteredUnderDropPolicy() {
        start(SinkConfig.defaults(serde).withPolicy(DuplicatePolicy.DROP));
        send(Articles.article("orig", Articles.FLOOD));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        assertThat(clean.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("orig");
        EnrichedArticle dropped = filtered.readValue();
        assertThat(dropped.getId()).isEqualTo("edit");
        assertThat(dropped.getFilterReason()).isEqualTo(FilterReasons.DUPLICATE);
        assertThat(dropped.getDuplicateOf()).isEqualTo("orig");
        assertThat(counts.get(FilterReasons.DUPLICATE).get()).isEqualTo(1);
    }

    @Test
    void shouldGiveReplayedIdItsPreviousVerdictNotItself() {
        start();
        send(Articles.article("orig", Articles.FLOOD));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        clean.readValuesToList();
        send(Articles.article("orig", Articles.FLOOD));
        send(Articles.article("edit", Articles.FLOOD_EDITED));
        Map<String, EnrichedArticle> replay = byId(clean.readValuesToList());
        assertThat(replay.get("orig").getDuplicateOf()).isNull();
        assertThat(replay.get("edit").getDuplicateOf()).isEqualTo("orig");
    }

    @Test
    void shouldGiveEveryArticleExactlyOneOutcome() {
        start(SinkConfig.defaults(serde).withLanguages(Set.of("id")).withPolicy(DuplicatePolicy.DROP));
        List<EnrichedArticle> sent = new ArrayList<>(List.of(
                Articles.article("1", Articles.FLOOD),
                Articles.article("2", Articles.FLOOD_EDITED),
                Articles.article("3", Articles.MARKET, "en", false),
                Articles.article("4", ""),
                Articles.article("5", Articles.ELECTION, "id", true),
                Articles.article("6", Articles.ELECTION),
                Articles.article("7", "😀🎉"),
                Articles.article("8", "😀🎉"),
                Articles.article("9", "\u0000\uFFFF\uD800 x \u0007 Рынок 市场 pasar"),
                Articles.article("10", Articles.MARKET.repeat(2_000))));
        sent.forEach(this::send);
        List<String> ids = new ArrayList<>();
        clean.readKeyValuesToList().forEach(kv -> ids.add(kv.key));
        filtered.readKeyValuesToList().forEach(kv -> ids.add(kv.key));
        assertThat(ids).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void shouldDecideLikeTheLocalDeduplicatorTheBenchmarkMeasures() {
        start();
        List<EnrichedArticle> sent = List.of(
                Articles.article("1", Articles.FLOOD),
                Articles.article("2", Articles.MARKET),
                Articles.article("3", Articles.FLOOD_EDITED),
                Articles.article("4", Articles.ELECTION),
                Articles.article("5", Articles.MARKET + " Operasi pasar digelar di empat lokasi."),
                Articles.article("6", Articles.ELECTION.toLowerCase()),
                Articles.article("7", Articles.FLOOD_EDITED),
                Articles.article("3", Articles.FLOOD_EDITED));
        dev.warta.sink.dedup.LocalDeduplicator local =
                new dev.warta.sink.dedup.LocalDeduplicator(SinkConfig.DEFAULT_BANDS, SinkConfig.DEFAULT_ROWS, 0.8, 4);
        List<String> expected = new ArrayList<>();
        for (EnrichedArticle a : sent) {
            send(a);
            dev.warta.sink.dedup.Verdict v =
                    local.offer(a.getId(), clock, Articles.FP.minhash(a.getText()), a.getTextHash());
            expected.add(a.getId() + "->" + v.duplicateOf() + "@" + v.similarity());
        }
        List<String> actual = new ArrayList<>();
        clean.readValuesToList()
                .forEach(a -> actual.add(a.getId() + "->" + a.getDuplicateOf() + "@" + a.getSimilarity()));
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).filteredOn(s -> !s.contains("->null")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldKeepProcessorStoreAndRepartitionNamesStable() {
        Topology topology = SinkTopology.build(SinkConfig.defaults(serde).withDedupPartitions(dedupPartitions()));
        TopologyDescription d = topology.describe();
        Set<String> processors = new HashSet<>();
        Set<String> stores = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (TopologyDescription.Subtopology s : d.subtopologies()) {
            for (TopologyDescription.Node n : s.nodes()) {
                processors.add(n.name());
                if (n instanceof TopologyDescription.Processor p) {
                    stores.addAll(p.stores());
                }
                if (n instanceof TopologyDescription.Source src) {
                    topics.addAll(src.topicSet());
                }
            }
        }
        assertThat(processors)
                .contains(
                        "sink-source",
                        "sink-filter-check",
                        "sink-dedup-scatter",
                        "sink-clean-out",
                        "sink-filtered-out",
                        "sink-duplicate-out");
        assertThat(processors).noneMatch(n -> n.startsWith("KSTREAM-") || n.startsWith("KTABLE-"));
        assertThat(topics).contains(Topics.ENRICHED, SinkTopology.BANDS_TOPIC + "-repartition");
        if (dedupPartitions() > 1) {
            assertThat(d.subtopologies()).hasSize(3);
            assertThat(processors).contains("sink-dedup-band", "sink-dedup-gather-decide");
            assertThat(stores)
                    .containsExactlyInAnyOrder(
                            SinkTopology.BAND_STORE,
                            SinkTopology.SIGNATURE_STORE,
                            SinkTopology.GATHER_STORE,
                            SinkTopology.PENDING_STORE,
                            SinkTopology.VERDICT_STORE);
            assertThat(topics).contains(SinkTopology.GATHER_TOPIC + "-repartition");
        } else {
            // one band partition: the band step decides, no gather round trip
            assertThat(d.subtopologies()).hasSize(2);
            assertThat(processors).contains("sink-dedup-band-decide").doesNotContain("sink-dedup-gather-decide");
            assertThat(stores).containsExactly(SinkTopology.SEEN_STORE);
            assertThat(topics).doesNotContain(SinkTopology.GATHER_TOPIC + "-repartition");
        }
    }

    private static String firstIdOnAnotherPartition(String id, int partitions) {
        int pa = partition(id, partitions);
        for (int i = 2; ; i++) {
            String candidate = "artikel-" + i;
            if (partition(candidate, partitions) != pa) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static Map<String, EnrichedArticle> byId(List<EnrichedArticle> list) {
        Map<String, EnrichedArticle> out = new java.util.LinkedHashMap<>();
        list.forEach(a -> out.put(a.getId(), a));
        return out;
    }

    /** Brute-force Jaccard of word 5-gram shingles, independent of MinHash. */
    static double jaccard(String a, String b) {
        Set<String> sa = shingles(a);
        Set<String> sb = shingles(b);
        Set<String> inter = new HashSet<>(sa);
        inter.retainAll(sb);
        Set<String> union = new HashSet<>(sa);
        union.addAll(sb);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }

    private static Set<String> shingles(String text) {
        String[] w =
                text.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 5 <= w.length; i++) {
            out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + 5)));
        }
        return out;
    }
}
