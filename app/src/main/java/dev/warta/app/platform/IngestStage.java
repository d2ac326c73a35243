package dev.warta.app.platform;

import dev.warta.app.cli.IngestOptions;
import dev.warta.ingest.IngestService;
import dev.warta.ingest.sink.KafkaArticleSink;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** The ingest stage on a {@link Platform}: a Kafka sink for {@link IngestService}, closed with it. */
public final class IngestStage implements AutoCloseable {
    private final KafkaArticleSink sink;
    private final IngestService service;

    private IngestStage(KafkaArticleSink sink, IngestService service) {
        this.sink = sink;
        this.service = service;
    }

    /** Ingests {@code paths} (waiting for every ack), then starts the feeds, inbox and HTTP endpoint of {@code options}. */
    public static IngestStage start(Platform platform, IngestOptions options, List<Path> paths) {
        Properties client = platform.clientProperties();
        client.put(AvroSerde.REGISTRY_URL, platform.registryUrl());
        KafkaArticleSink sink = new KafkaArticleSink(client);
        IngestService.Options o = IngestService.Options.defaults()
                .withPaths(paths)
                .withFeeds(options.feeds, options.pollInterval)
                .withWatch(options.watch)
                .withHttpPort(options.httpPort)
                .withLimits(options.limits());
        o = new IngestService.Options(o.paths(), o.feedUrls(), o.pollInterval(), o.watchDir(), o.httpPort(),
                options.httpBind, o.limits(), o.fetchPages(), o.sinkTimeout());
        try {
            return new IngestStage(sink, IngestService.start(sink, o, System.err::println));
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
