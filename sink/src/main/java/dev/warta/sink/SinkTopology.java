package dev.warta.sink;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.sink.dedup.BandProcessor;
import dev.warta.sink.dedup.DecideProcessor;
import dev.warta.sink.dedup.DedupMessage;
import dev.warta.sink.dedup.DedupSerdes;
import dev.warta.sink.dedup.GatherProcessor;
import dev.warta.sink.dedup.Probes;
import dev.warta.sink.dedup.ScatterProcessor;
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

    private SinkTopology() {
    }

    /** Builds the sink topology; pure (no I/O). */
    public static Topology build(SinkConfig cfg) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<EnrichedArticle> articles = cfg.articleSerde();
        DedupSerdes dedup = new DedupSerdes(articles);
        Serde<DedupMessage> messages = dedup.message();

        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(BAND_STORE), Serdes.String(), dedup.bucket()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SIGNATURE_STORE), Serdes.String(), dedup.signature()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(VERDICT_STORE), Serdes.String(), dedup.verdict()));
        boolean gathered = cfg.dedupPartitions() > 1;
        if (gathered) {
            // cached: an article usually completes within one commit interval, so its gather state and pending
            // copy are put and deleted in the cache and never reach RocksDB and the changelog as values
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(GATHER_STORE), Serdes.String(), dedup.gather()).withCachingEnabled());
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(PENDING_STORE), Serdes.String(), dedup.pending()).withCachingEnabled());
        }

        KStream<String, EnrichedArticle> checked = builder
                .stream(cfg.inputTopic(), Consumed.with(Serdes.String(), articles).withName("sink-source"))
                .filter((id, a) -> a != null, Named.as("sink-skip-tombstones"))
                // key by article id whatever the producer used, so every outcome is keyed by id
                .map((key, a) -> KeyValue.pair(a.getId(), withFilterReason(a, cfg.languages())),
                        Named.as("sink-filter-check"));

        Map<String, KStream<String, EnrichedArticle>> routed = checked.split(Named.as("sink-route-"))
                .branch((id, a) -> a.getFilterReason() != null, Branched.as("filtered"))
                .defaultBranch(Branched.as("dedup"));
        toFiltered(routed.get("sink-route-filtered"), cfg, "sink-filtered");

        Probes probes = new Probes(cfg.bands(), cfg.rows());
        KStream<String, DedupMessage> banded = routed.get("sink-route-dedup")
                .process(() -> new ScatterProcessor(probes, cfg.dedupPartitions(), dedup), Named.as("sink-dedup-scatter"))
                // the scatter groups probes by band partition, so the band topic's size is fixed here
                .repartition(Repartitioned.with(Serdes.String(), messages).withName(BANDS_TOPIC)
                        .withNumberOfPartitions(cfg.dedupPartitions()));
        KStream<String, EnrichedArticle> decided = gathered
                ? banded.process(() -> new BandProcessor(BAND_STORE, SIGNATURE_STORE, cfg.threshold(), cfg.bucketCapacity()),
                                Named.as("sink-dedup-band"), BAND_STORE, SIGNATURE_STORE)
                        .repartition(Repartitioned.with(Serdes.String(), messages).withName(GATHER_TOPIC)
                                .withNumberOfPartitions(cfg.dedupPartitions()))
                        .process(() -> new GatherProcessor(GATHER_STORE, PENDING_STORE, VERDICT_STORE, cfg.policy(), dedup),
                                Named.as("sink-dedup-gather-decide"), GATHER_STORE, PENDING_STORE, VERDICT_STORE)
                // one band partition holds every bucket: decide there, no gather round trip
                : banded.process(() -> new DecideProcessor(BAND_STORE, SIGNATURE_STORE, VERDICT_STORE, cfg.threshold(),
                                cfg.bucketCapacity(), cfg.policy(), dedup),
                        Named.as("sink-dedup-band-decide"), BAND_STORE, SIGNATURE_STORE, VERDICT_STORE);

        Map<String, KStream<String, EnrichedArticle>> outcome = decided.split(Named.as("sink-outcome-"))
                .branch((id, a) -> a.getFilterReason() != null, Branched.as("duplicate"))
                .defaultBranch(Branched.as("clean"));
        toFiltered(outcome.get("sink-outcome-duplicate"), cfg, "sink-duplicate");
        outcome.get("sink-outcome-clean")
                .peek((id, a) -> cfg.stats().clean(a.getDuplicateOf() != null), Named.as("sink-count-clean"))
                .to(cfg.cleanTopic(), Produced.with(Serdes.String(), articles).withName("sink-clean-out"));
        return builder.build();
    }

    private static void toFiltered(KStream<String, EnrichedArticle> stream, SinkConfig cfg, String prefix) {
        stream.peek((id, a) -> cfg.stats().filtered(a.getFilterReason()), Named.as(prefix + "-count"))
                .to(cfg.filteredTopic(), Produced.with(Serdes.String(), cfg.articleSerde()).withName(prefix + "-out"));
    }

    /**
     * The filter reason of an article before deduplication, or null when it goes on to dedup: {@code spam-page},
     * {@code empty}, {@code language} (when {@code languages} is not empty and lacks the article's code).
     */
    public static String filterReason(EnrichedArticle a, Set<String> languages) {
        if (a.getSpam() != null && a.getSpam().getWholePage()) {
            return FilterReasons.SPAM_PAGE;
        }
        if (a.getText() == null || a.getText().isBlank()) {
            return FilterReasons.EMPTY;
        }
        String code = a.getLanguage() == null ? "und" : a.getLanguage().getCode();
        if (!languages.isEmpty() && !languages.contains(code)) {
            return FilterReasons.LANGUAGE;
        }
        return null;
    }

    private static EnrichedArticle withFilterReason(EnrichedArticle a, Set<String> languages) {
        String reason = filterReason(a, languages);
        if (reason == null) {
            return a.getFilterReason() == null ? a : EnrichedArticle.newBuilder(a).setFilterReason(null).build();
        }
        return EnrichedArticle.newBuilder(a).setFilterReason(reason).build();
    }
}
