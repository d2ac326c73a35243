package dev.warta.app.platform;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running Kafka Streams application of one stage, with readiness and a clean close. */
public final class StreamsApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private final String name;
    private final KafkaStreams streams;

    private StreamsApp(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
    }

    /** Starts {@code topology} with {@code props}; a stream thread that dies of an unexpected error is replaced. */
    public static StreamsApp start(String name, Topology topology, Properties props) {
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setStateListener((now, before) -> LOG.info("{}: {} -> {}", name, before, now));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("{}: stream thread failed, replacing it: {}", name, e.toString());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return new StreamsApp(name, streams);
    }

    public String name() {
        return name;
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** True while the application runs (or rebalances). */
    public boolean running() {
        return streams.state().isRunningOrRebalancing();
    }

    /** Waits until the application is RUNNING; false on timeout. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
