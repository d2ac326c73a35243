package dev.warta.app.platform;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How a process reaches Kafka and the schema registry; the CLI builds it from flags, environment and properties file.
 *
 * @param bootstrapServers  the cluster, or null for none named (an embedded broker, or 127.0.0.1:9092)
 * @param registryUrl       the schema registry, or null for none named (the embedded one, or 127.0.0.1:8081)
 * @param dataDir           data directory of the embedded broker and of stream state
 * @param partitions        partitions of topics created when missing
 * @param replicationFactor replication factor of topics created when missing
 * @param clientSettings    Kafka client settings passed through unchanged (security included)
 * @param registryWriteToken the secret changes to the embedded registry over HTTP need, or null (a random one that
 *                           only this process knows)
 */
public record ClusterConfig(String bootstrapServers, String registryUrl, Path dataDir, int partitions,
                            short replicationFactor, Map<String, String> clientSettings, String registryWriteToken) {
    public ClusterConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        clientSettings = Map.copyOf(clientSettings);
    }

    /** As above, without a configured registry write token. */
    public ClusterConfig(String bootstrapServers, String registryUrl, Path dataDir, int partitions,
                         short replicationFactor, Map<String, String> clientSettings) {
        this(bootstrapServers, registryUrl, dataDir, partitions, replicationFactor, clientSettings, null);
    }

    /** An embedded broker and registry in {@code dataDir}, topics of {@code partitions} partitions, replication 1. */
    public static ClusterConfig embedded(Path dataDir, int partitions) {
        return new ClusterConfig(null, null, dataDir, partitions, (short) 1, Map.of());
    }

    /** The client settings as fresh {@link Properties}. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(clientSettings);
        return p;
    }
}
