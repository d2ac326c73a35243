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
 * @param brokerPort        port of the embedded broker on 127.0.0.1 (null: 9092, or a free one when taken; 0: any
 *                          free one); the port other commands connect to when no cluster is named
 * @param registryPort      port of the embedded registry on 127.0.0.1, the same way (null: 8081)
 * @param registryWriteToken the secret changes to the embedded registry over HTTP need, or null (a random one that
 *                           only this process knows)
 */
public record ClusterConfig(
        String bootstrapServers,
        String registryUrl,
        Path dataDir,
        int partitions,
        short replicationFactor,
        Map<String, String> clientSettings,
        Integer brokerPort,
        Integer registryPort,
        String registryWriteToken) {
    public ClusterConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        clientSettings = Map.copyOf(clientSettings);
    }

    /** As above, with the default ports and without a configured registry write token. */
    public ClusterConfig(
            String bootstrapServers,
            String registryUrl,
            Path dataDir,
            int partitions,
            short replicationFactor,
            Map<String, String> clientSettings) {
        this(bootstrapServers, registryUrl, dataDir, partitions, replicationFactor, clientSettings, null, null, null);
    }

    /**
     * An embedded broker and registry in {@code dataDir} on free ports (never 9092/8081, which may belong to a
     * {@code warta run} or a local Kafka), topics of {@code partitions} partitions, replication 1.
     */
    public static ClusterConfig embedded(Path dataDir, int partitions) {
        return new ClusterConfig(null, null, dataDir, partitions, (short) 1, Map.of(), 0, 0, null);
    }

    /** The same configuration with the embedded broker and registry on these ports (null: the defaults). */
    public ClusterConfig withPorts(Integer broker, Integer registry) {
        return new ClusterConfig(
                bootstrapServers,
                registryUrl,
                dataDir,
                partitions,
                replicationFactor,
                clientSettings,
                broker,
                registry,
                registryWriteToken);
    }

    /** The client settings as fresh {@link Properties}. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(clientSettings);
        return p;
    }
}
