package dev.warta.app.fault;

import dev.warta.app.platform.StreamsApp;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.enrich.StepTimer;
import dev.warta.enrich.stream.StreamsSettings;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The enrich and sink stages in the test JVM, with the production settings. */
final class InProcessStages implements AutoCloseable {
    static final String VERSION = "fault-it";
    final StreamsApp enrich;
    final StreamsApp sink;

    private InProcessStages(StreamsApp enrich, StreamsApp sink) {
        this.enrich = enrich;
        this.sink = sink;
    }

    static InProcessStages start(String bootstrap, String registryUrl, Path stateDir) {
        Properties enrichProps = props("enrich", "warta-enrich", bootstrap, registryUrl, stateDir.resolve("enrich"));
        Properties sinkProps = props("sink", "warta-sink", bootstrap, registryUrl, stateDir.resolve("sink"));
        StreamsApp enrich = StreamsApp.start("enrich",
                EnrichTopology.build(Analysis.standard(VERSION, StepTimer.NONE), enrichProps), enrichProps);
        StreamsApp sink = StreamsApp.start("sink",
                SinkTopology.build(SinkConfig.defaults(AvroSerde.of(EnrichedArticle.class, registryUrl))), sinkProps);
        return new InProcessStages(enrich, sink);
    }

    private static Properties props(String stage, String appId, String bootstrap, String url, Path state) {
        Properties client = new Properties();
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        client.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return StreamsSettings.of(stage, appId, url, VERSION, client);
    }

    boolean running() {
        return enrich.running() && sink.running();
    }

    /** Waits until both apps are RUNNING again (after a rebalance or a broker restart). */
    boolean awaitRunning(Duration timeout) throws InterruptedException {
        return enrich.awaitRunning(timeout) && sink.awaitRunning(timeout);
    }

    @Override
    public void close() {
        try {
            sink.close();
        } finally {
            enrich.close();
        }
    }
}
