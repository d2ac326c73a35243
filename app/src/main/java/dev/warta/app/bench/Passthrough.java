package dev.warta.app.bench;

import dev.warta.schemas.RawArticle;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The baseline the pipeline is compared with: a Kafka Streams app that copies {@code RawArticle} records from one
 * topic to another through the same Avro serdes and settings (exactly_once_v2) as the stages, doing no work.
 */
public final class Passthrough {
    private Passthrough() {}

    /** {@code from → to}, values deserialized and serialized again with {@link AvroSerde}. */
    public static Topology build(String from, String to, Properties props) {
        String url = props.getProperty(AvroSerde.REGISTRY_URL);
        AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class, url);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(from, Consumed.with(Serdes.String(), serde).withName("passthrough-source"))
                .to(to, Produced.with(Serdes.String(), serde).withName("passthrough-sink"));
        return builder.build(props);
    }
}
