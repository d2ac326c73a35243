package dev.warta.app.metrics;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * A Kafka Streams app is up while RUNNING with at least one stream thread, all of them RUNNING: while it rebalances
 * (or a thread is starting, dead or shutting down) no record moves, so it is reported down with the state in words.
 */
final class StreamsHealth implements StageHealth {
    private final String name;
    private final KafkaStreams streams;

    StreamsHealth(String name, KafkaStreams streams) {
        this.name = name;
        this.streams = streams;
    }

    @Override
    public Status status() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            return new Status(name, state.name(), false);
        }
        int alive = 0;
        try {
            for (ThreadMetadata t : streams.metadataForLocalThreads()) {
                String ts = t.threadState();
                if (!"RUNNING".equals(ts)) {
                    return new Status(name, state.name() + ", thread " + t.threadName() + " " + ts, false);
                }
                alive++;
            }
        } catch (RuntimeException notQueryable) {
            return new Status(name, state.name() + ", threads unknown", false);
        }
        return alive > 0
                ? new Status(name, state.name(), true)
                : new Status(name, state.name() + ", no threads", false);
    }
}
