package dev.warta.enrich;

import dev.warta.common.stream.DeadLetters;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The enrich stage: {@code news.raw → news.enriched}, each record through the shared {@link Analysis}. A pure
 * function from configuration to {@link Topology}; errors are handled by the dead-letter policy configured in
 * {@link dev.warta.common.stream.StreamsSettings}.
 */
public final class EnrichTopology {
    public static final String SOURCE = "raw-source";
    public static final String ANALYZE = "analyze";
    public static final String SINK = "enriched-sink";

    private EnrichTopology() {}

    /**
     * Builds the topology. {@code rawSerde} / {@code enrichedSerde} are configured Avro serdes (registry URL).
     */
    public static Topology build(
            Analysis analysis,
            AvroSerde<RawArticle> rawSerde,
            AvroSerde<EnrichedArticle> enrichedSerde,
            Properties props) {
        return build(analysis, rawSerde, enrichedSerde, props, () -> {});
    }

    /** Builds the topology with serdes for the registry named in {@code props} ({@code schema.registry.url}). */
    public static Topology build(Analysis analysis, Properties props) {
        return build(analysis, props, () -> {});
    }

    /** As {@link #build(Analysis, Properties)}; {@code enriched} runs once per analysed article (a metric counter). */
    public static Topology build(Analysis analysis, Properties props, Runnable enriched) {
        String url = props.getProperty(AvroSerde.REGISTRY_URL);
        return build(
                analysis,
                AvroSerde.of(RawArticle.class, url),
                AvroSerde.of(EnrichedArticle.class, url),
                props,
                enriched);
    }

    private static Topology build(
            Analysis analysis,
            AvroSerde<RawArticle> rawSerde,
            AvroSerde<EnrichedArticle> enrichedSerde,
            Properties props,
            Runnable enriched) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW, Consumed.with(Serdes.String(), rawSerde).withName(SOURCE))
                .mapValues(
                        raw -> {
                            EnrichedArticle article = analysis.analyze(DeadLetters.requireValue(raw, Topics.RAW));
                            enriched.run();
                            return article;
                        },
                        Named.as(ANALYZE))
                .to(
                        Topics.ENRICHED,
                        Produced.with(Serdes.String(), enrichedSerde).withName(SINK));
        return builder.build(props);
    }
}
