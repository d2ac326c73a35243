package dev.warta.app.metrics;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;

/** A Kafka Streams app is up while RUNNING or REBALANCING with at least one stream thread and none dead. */
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
        if (!state.isRunningOrRebalancing()) {
            return new Status(name, state.name(), false);
        }
        int alive = 0;
        try {
            for (ThreadMetadata t : streams.metadataForLocalThreads()) {
                String ts = t.threadState();
                if ("DEAD".equals(ts) || "PENDING_SHUTDOWN".equals(ts)) {
                    return new Status(name, state.name() + ", thread " + t.threadName() + " " + ts, false);
                }
                alive++;
            }
        } catch (RuntimeException notQueryable) {
            return new Status(name, state.name() + ", threads unknown", false);
        }
        return alive > 0 ? new Status(name, state.name(), true) : new Status(name, state.name() + ", no threads", false);
    }
}
