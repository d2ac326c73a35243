package dev.warta.app.platform;

import dev.warta.ingest.IngestService;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Properties;

/** The ingest stage on a {@link Platform}: a Kafka sink for {@link IngestService}, closed with it. */
public final class IngestStage implements AutoCloseable {
    private final KafkaArticleSink sink;
    private final IngestService service;

    private IngestStage(KafkaArticleSink sink, IngestService service) {
        this.sink = sink;
        this.service = service;
    }

    /** Ingests the paths of {@code options} (waiting for every ack), then starts its feeds, inbox and HTTP endpoint. */
    public static IngestStage start(Platform platform, IngestService.Options options) {
        Properties client = platform.clientProperties();
        client.put(AvroSerde.REGISTRY_URL, platform.registryUrl());
        KafkaArticleSink sink = new KafkaArticleSink(client);
        try {
            return new IngestStage(sink, IngestService.start(sink, options, System.err::println));
        } catch (RuntimeException e) {
            sink.close();
            throw e;
        }
    }

    public IngestService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
        sink.close();
    }
}
