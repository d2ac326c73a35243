package dev.warta.app;

import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.util.Properties;

/** A broker with warta's topics and the real ingest publishing to it (no page fetching), for ingest ITs. */
public final class BrokerIngest implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final KafkaArticleSink sink;
    private final IngestRunner runner;

    private BrokerIngest(EmbeddedKafka kafka, KafkaArticleSink sink, IngestRunner runner) {
        this.kafka = kafka;
        this.sink = sink;
        this.runner = runner;
    }

    /** Starts the broker in {@code dataDir} and an ingest runner writing with schemas in {@code registryUrl}. */
    public static BrokerIngest start(Path dataDir, String registryUrl) {
        EmbeddedKafka kafka = KafkaTestSupport.brokerWithTopics(dataDir);
        Properties client = KafkaTestSupport.client(kafka.bootstrapServers());
        client.put(AvroSerde.REGISTRY_URL, registryUrl);
        KafkaArticleSink sink = new KafkaArticleSink(client);
        return new BrokerIngest(
                kafka,
                sink,
                IngestRunner.builder(sink)
                        .fetcher(PageFetcher.disabled())
                        .progress(false)
                        .build());
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public IngestRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        sink.close();
        kafka.close();
    }
}
