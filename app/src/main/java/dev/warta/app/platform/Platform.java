package dev.warta.app.platform;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka cluster and registry a command works with: the ones named by the options, or an embedded broker and
 * registry started in this process. Creates warta's topics when missing. Closing stops what it started.
 */
public final class Platform implements AutoCloseable {
    public static final int DEFAULT_BROKER_PORT = 9092;
    public static final int DEFAULT_REGISTRY_PORT = 8081;

    private final EmbeddedKafka broker;
    private final AutoCloseable registry;
    private final String bootstrapServers;
    private final String registryUrl;
    private final Properties clientProps;
    private final Path dataDir;

    private Platform(
            EmbeddedKafka broker,
            AutoCloseable registry,
            String bootstrapServers,
            String registryUrl,
            Properties clientProps,
            Path dataDir) {
        this.broker = broker;
        this.registry = registry;
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.clientProps = clientProps;
        this.dataDir = dataDir;
    }

    /**
     * Connects to the cluster in {@code config}; when it names none and {@code embeddedIfMissing}, starts the
     * embedded broker + registry in {@code config.dataDir()}.
     */
    public static Platform open(ClusterConfig config, boolean embeddedIfMissing) {
        Properties client = config.clientProperties();
        int brokerPort = config.brokerPort() != null ? config.brokerPort() : DEFAULT_BROKER_PORT;
        int registryPort = config.registryPort() != null ? config.registryPort() : DEFAULT_REGISTRY_PORT;
        if (config.bootstrapServers() == null && embeddedIfMissing) {
            requireFree("--broker-port", config.brokerPort());
            requireFree("--registry-port", config.registryPort());
            EmbeddedKafka broker = EmbeddedKafka.start(config.dataDir(), brokerPort);
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try {
                TopicSetup.ensure(client, config.partitions(), config.replicationFactor());
                Registry registry = Registry.startEmbedded(client, registryPort, config.registryWriteToken());
                String url = config.registryUrl() != null ? config.registryUrl() : registry.clientUrl();
                return new Platform(broker, registry, broker.bootstrapServers(), url, client, config.dataDir());
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
        String bootstrap = config.bootstrapServers() != null ? config.bootstrapServers() : "127.0.0.1:" + brokerPort;
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicSetup.ensure(client, config.partitions(), config.replicationFactor());
        if (config.registryUrl() == null && embeddedIfMissing) {
            // an external cluster without a registry: serve one from this process, stored in the cluster's _schemas
            requireFree("--registry-port", config.registryPort());
            Registry registry = Registry.startEmbedded(client, registryPort, config.registryWriteToken());
            return new Platform(null, registry, bootstrap, registry.clientUrl(), client, config.dataDir());
        }
        String url = config.registryUrl() != null ? config.registryUrl() : "http://127.0.0.1:" + registryPort;
        return new Platform(null, null, bootstrap, url, client, config.dataDir());
    }

    /**
     * A port the user asked for must be the one served: fail now rather than fall back to a free port as the
     * defaults do (a client configured with that port would reach something else, or nothing).
     */
    private static void requireFree(String option, Integer port) {
        if (port == null || port == 0) {
            return; // 0: any free port
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    option + " " + port + ": not a TCP port (1-65535, or 0 for any free one)");
        }
        if (EmbeddedKafka.portOrFree(port) != port) {
            throw new IllegalStateException(option + " " + port + ": the port is taken on 127.0.0.1");
        }
    }

    public boolean embedded() {
        return broker != null;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The registry URL this process's clients use (with the embedded registry's write token as userinfo). */
    public String registryUrl() {
        return registryUrl;
    }

    /** The registry URL to show and give to others: without userinfo. */
    public String publicRegistryUrl() {
        return registryUrl.replaceFirst("^(https?://)[^@/]*@", "$1");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the stages of this process keep their Kafka Streams state by default: {@code streams} in the data dir. */
    public Path stateDir() {
        return dataDir.resolve("streams");
    }

    /** Kafka client settings (bootstrap servers and pass-through settings); a copy. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(clientProps);
        return p;
    }

    @Override
    public void close() {
        try {
            if (registry != null) {
                registry.close();
            }
        } catch (Exception ignored) {
            // closing the registry's HTTP server cannot fail in a way that matters at shutdown
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
