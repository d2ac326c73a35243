package dev.warta.app.fault;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.StreamsApp;
import dev.warta.common.stream.DeadLetterHandler;
import dev.warta.common.stream.StreamsSettings;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.enrich.StepTimer;
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
        return start(bootstrap, registryUrl, stateDir, null);
    }

    /** As above, instrumented with {@code metrics} (analyzer timers, sink outcomes, dead letters, health) when not null. */
    static InProcessStages start(String bootstrap, String registryUrl, Path stateDir, Metrics metrics) {
        Properties enrichProps = props("enrich", "warta-enrich", bootstrap, registryUrl, stateDir.resolve("enrich"));
        Properties sinkProps = props("sink", "warta-sink", bootstrap, registryUrl, stateDir.resolve("sink"));
        SinkConfig sinkConfig = SinkConfig.defaults(AvroSerde.of(EnrichedArticle.class, registryUrl));
        StepTimer timer = StepTimer.NONE;
        Runnable enriched = () -> {};
        if (metrics != null) {
            enrichProps.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
            sinkProps.put(DeadLetterHandler.LISTENER, metrics.deadLetterListener());
            sinkConfig = sinkConfig.withStats(metrics.sinkStats());
            timer = metrics.stepTimer();
            enriched = metrics::enriched;
        }
        StreamsApp enrich = StreamsApp.start(
                "enrich", EnrichTopology.build(Analysis.standard(VERSION, timer), enrichProps, enriched), enrichProps);
        StreamsApp sink = StreamsApp.start("sink", SinkTopology.build(sinkConfig), sinkProps);
        if (metrics != null) {
            metrics.bindStreams("enrich", enrich.streams());
            metrics.bindStreams("sink", sink.streams());
        }
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
