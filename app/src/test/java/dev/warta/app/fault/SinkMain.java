package dev.warta.app.fault;

import dev.warta.app.platform.StreamsApp;
import dev.warta.enrich.EnrichmentVersion;
import dev.warta.enrich.stream.StreamsSettings;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The sink stage as its own process for the multi-process fault test, until {@code warta sink} is wired:
 * {@code SinkMain BOOTSTRAP REGISTRY_URL DATA_DIR [kafka.key=value ...]}. Runs until killed.
 */
public final class SinkMain {
    private SinkMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties client = new Properties();
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        client.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(args[2]).resolve("streams").toAbsolutePath().toString());
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            client.put(kv[0], kv[1]);
        }
        Properties props = StreamsSettings.of("sink", "warta-sink", args[1], EnrichmentVersion.current(), client);
        StreamsApp app = StreamsApp.start("sink",
                SinkTopology.build(SinkConfig.defaults(AvroSerde.of(EnrichedArticle.class, args[1]))), props);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stop.countDown();
        }));
        stop.await();
    }
}
