package dev.warta.sink;

import static dev.warta.common.stream.DeadLetters.requireValue;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.dedup.BandProcessor;
import dev.warta.sink.dedup.DecideProcessor;
import dev.warta.sink.dedup.Decided;
import dev.warta.sink.dedup.DedupMessage;
import dev.warta.sink.dedup.DedupSerdes;
import dev.warta.sink.dedup.GatherProcessor;
import dev.warta.sink.dedup.Probes;
import dev.warta.sink.dedup.ScatterProcessor;
import dev.warta.sink.dedup.VerdictWriter;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The sink: {@code news.enriched → news.clean | news.filtered}, every article exactly one outcome, keyed by id.
 *
 * <ol>
 *   <li>Filter: whole-page spam ({@code spam-page}), empty text ({@code empty}), a language outside the
 *   configured list ({@code language}) go to news.filtered with filterReason set.</li>
 *   <li>Scatter: the others probe one bucket per LSH band ({@code b<i>:<hash>}) plus the exact band
 *   ({@code x:<textHash>}): one message per band partition that owns some of these buckets (the article rides
 *   with the first), through repartition topic {@value #BANDS_TOPIC} of {@link SinkConfig#dedupPartitions()}
 *   partitions.</li>
 *   <li>Band: store {@value #BAND_STORE} (persistent, keyed by bucket) keeps the first articles seen per bucket
 *   with their cluster root, {@value #SIGNATURE_STORE} their 16-bit MinHash values (once per article), and the
 *   step answers each message with the best earlier match among its buckets.</li>
 *   <li>Gather (band topic of more than one partition): answers and article are re-keyed by id through
 *   {@value #GATHER_TOPIC}, collected in
 *   {@value #GATHER_STORE} until all bands answered; the verdict (duplicateOf = earliest root among matches at or
 *   above the threshold, similarity = its estimate) is kept in {@value #VERDICT_STORE} so a replayed id gets its
 *   previous verdict.</li>
 *   <li>Decide (band topic of one partition, the default): every bucket lives in the one band task, so the scatter
 *   sends one message per article and the band step decides the verdict itself ({@link DecideProcessor}): no
 *   gather topic, no gather and pending stores.</li>
 *   <li>Policy {@code mark} publishes duplicates to news.clean with duplicateOf; {@code drop} sends them to
 *   news.filtered with filterReason {@code duplicate}.</li>
 * </ol>
 * No wall-clock or random state: the topology is safe under {@code exactly_once_v2}.
 */
public final class SinkTopology {
    /** Repartition topic (name suffix) of the scatter step. */
    public static final String BANDS_TOPIC = "sink-dedup-bands";
    /** Repartition topic (name suffix) of the gather step. */
    public static final String GATHER_TOPIC = "sink-dedup-gather";

    public static final String BAND_STORE = "sink-dedup-band-store";
    /** The 16-bit signatures of the articles remembered in band buckets, once per article and band partition. */
    public static final String SIGNATURE_STORE = "sink-dedup-signature-store";

    public static final String GATHER_STORE = "sink-dedup-gather-store";
    /** Articles waiting for their band answers (kept apart from the counters so each is written once). */
    public static final String PENDING_STORE = "sink-dedup-pending-store";

    public static final String VERDICT_STORE = "sink-dedup-verdict-store";
    /**
     * One record per article for the one-partition path ({@link dev.warta.sink.dedup.Seen}): its verdict and the
     * buckets it was remembered in, from which the in-memory band index is rebuilt when the task starts.
     */
    public static final String SEEN_STORE = "sink-dedup-seen-store";

    private SinkTopology() {}

    /** Builds the sink topology; pure (no I/O). */
    public static Topology build(SinkConfig cfg) {
        StreamsBuilder builder = new StreamsBuilder();
        AvroSerde<EnrichedArticle> articles = cfg.articleSerde();
        DedupSerdes dedup = new DedupSerdes(articles);
        Serde<DedupMessage> messages = dedup.message();

        boolean gathered = cfg.dedupPartitions() > 1;
        if (gathered) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(BAND_STORE), Serdes.String(), dedup.bucket()));
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(SIGNATURE_STORE), Serdes.String(), dedup.signature()));
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(VERDICT_STORE), Serdes.String(), dedup.verdict()));
            // cached: an article usually completes within one commit interval, so its gather state and pending
            // copy are put and deleted in the cache and never reach RocksDB and the changelog as values
            builder.addStateStore(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(GATHER_STORE), Serdes.String(), dedup.gather())
                    .withCachingEnabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(
                            Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), dedup.pending())
                    .withCachingEnabled());
        } else {
            // one record per article reaches the changelog; the buckets live in memory and are rebuilt from it
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(SEEN_STORE), Serdes.String(), dedup.seen()));
        }

        AvroSerde<EnrichedArticle> serde = articles;
        String input = cfg.inputTopic();
        Serde<SinkInput> inputs = Serdes.serdeFrom(
                (topic, in) -> in == null ? null : in.wire(), (topic, bytes) -> SinkInput.read(serde, topic, bytes));
        KStream<String, SinkInput> checked = builder.stream(
                        input, Consumed.with(Serdes.String(), inputs).withName("sink-source"))
                // a null value carries no article: dead-lettered (empty-payload) by the processing-exception handler
                .mapValues(in -> requireValue(in, input), Named.as("sink-reject-tombstones"))
                // key by article id whatever the producer used, so every outcome is keyed by id
                .map((key, in) -> KeyValue.pair(in.id(), in), Named.as("sink-filter-check"));

        Map<String, KStream<String, SinkInput>> routed = checked.split(Named.as("sink-route-"))
                .branch((id, in) -> filterReason(in, cfg.languages()) != null, Branched.as("filtered"))
                .defaultBranch(Branched.as("dedup"));
        KStream<String, EnrichedArticle> filtered = routed.get("sink-route-filtered")
                .mapValues(
                        in -> {
                            EnrichedArticle a = in.decode(serde, input);
                            a.setFilterReason(filterReason(in, cfg.languages()));
                            return a;
                        },
                        Named.as("sink-filter-reason"));
        toFiltered(filtered, cfg, "sink-filtered", articles, a -> a.getFilterReason());

        Probes probes = new Probes(cfg.bands(), cfg.rows());
        VerdictWriter writer = new VerdictWriter(serde, cfg.cleanTopic(), cfg.filteredTopic(), cfg.policy());
        KStream<String, DedupMessage> banded = routed.get("sink-route-dedup")
                // bytes that already carry a verdict (a record from elsewhere) are written anew without it
                .mapValues(
                        in -> in.verdictFields() ? withoutVerdict(in, serde, input) : in,
                        Named.as("sink-clear-verdict"))
                .process(() -> new ScatterProcessor(probes, cfg.dedupPartitions()), Named.as("sink-dedup-scatter"))
                // the scatter groups probes by band partition, so the band topic's size is fixed here
                .repartition(Repartitioned.with(Serdes.String(), messages)
                        .withName(BANDS_TOPIC)
                        .withNumberOfPartitions(cfg.dedupPartitions()));
        KStream<String, Decided> decided = gathered
                ? banded.process(
                                () -> new BandProcessor(
                                        BAND_STORE, SIGNATURE_STORE, cfg.threshold(), cfg.bucketCapacity()),
                                Named.as("sink-dedup-band"),
                                BAND_STORE,
                                SIGNATURE_STORE)
                        .repartition(Repartitioned.with(Serdes.String(), messages)
                                .withName(GATHER_TOPIC)
                                .withNumberOfPartitions(cfg.dedupPartitions()))
                        .process(
                                () -> new GatherProcessor(GATHER_STORE, PENDING_STORE, VERDICT_STORE, writer, dedup),
                                Named.as("sink-dedup-gather-decide"),
                                GATHER_STORE,
                                PENDING_STORE,
                                VERDICT_STORE)
                // one band partition holds every bucket: decide there, no gather round trip
                : banded.process(
                        () -> new DecideProcessor(SEEN_STORE, cfg.threshold(), cfg.bucketCapacity(), writer, dedup),
                        Named.as("sink-dedup-band-decide"),
                        SEEN_STORE);

        Map<String, KStream<String, Decided>> outcome = decided.split(Named.as("sink-outcome-"))
                .branch((id, d) -> d.filterReason() != null, Branched.as("duplicate"))
                .defaultBranch(Branched.as("clean"));
        toFiltered(
                outcome.get("sink-outcome-duplicate"), cfg, "sink-duplicate", Decided.serde(), Decided::filterReason);
        outcome.get("sink-outcome-clean")
                .peek((id, d) -> cfg.stats().clean(d.duplicate()), Named.as("sink-count-clean"))
                .to(
                        cfg.cleanTopic(),
                        Produced.with(Serdes.String(), Decided.serde()).withName("sink-clean-out"));
        return builder.build();
    }

    private static <V> void toFiltered(
            KStream<String, V> stream,
            SinkConfig cfg,
            String prefix,
            Serde<V> values,
            java.util.function.Function<V, String> reason) {
        stream.peek((id, v) -> cfg.stats().filtered(reason.apply(v)), Named.as(prefix + "-count"))
                .to(cfg.filteredTopic(), Produced.with(Serdes.String(), values).withName(prefix + "-out"));
    }

    /**
     * The filter reason of a record before deduplication, or null when it goes on to dedup: {@code spam-page},
     * {@code empty}, {@code language} (when {@code languages} is not empty and lacks the article's code).
     */
    static String filterReason(SinkInput in, Set<String> languages) {
        if (in.wholePage()) {
            return FilterReasons.SPAM_PAGE;
        }
        if (in.text().isBlank()) {
            return FilterReasons.EMPTY;
        }
        if (!languages.isEmpty() && !languages.contains(in.languageCode())) {
            return FilterReasons.LANGUAGE;
        }
        return null;
    }

    /** {@code in} encoded again without duplicateOf, similarity and filterReason. */
    private static SinkInput withoutVerdict(SinkInput in, AvroSerde<EnrichedArticle> serde, String topic) {
        EnrichedArticle a = in.decode(serde, topic);
        a.setDuplicateOf(null);
        a.setSimilarity(null);
        a.setFilterReason(null);
        byte[] wire = serde.serialize(topic, a);
        return new SinkInput(
                wire, in.id(), in.text(), in.wholePage(), in.languageCode(), in.textHash(), in.minhash(), false);
    }
}
