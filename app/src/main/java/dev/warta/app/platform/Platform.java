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

    private Platform(EmbeddedKafka broker, AutoCloseable registry, String bootstrapServers, String registryUrl,
                     Properties clientProps, Path dataDir) {
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
        if (config.bootstrapServers() == null && embeddedIfMissing) {
            EmbeddedKafka broker = EmbeddedKafka.start(config.dataDir(), DEFAULT_BROKER_PORT);
            client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try {
                TopicSetup.ensure(client, config.partitions(), config.replicationFactor());
                Registry registry = Registry.startEmbedded(client, DEFAULT_REGISTRY_PORT, config.registryWriteToken());
                String url = config.registryUrl() != null ? config.registryUrl() : registry.clientUrl();
                return new Platform(broker, registry, broker.bootstrapServers(), url, client, config.dataDir());
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
        String bootstrap = config.bootstrapServers() != null ? config.bootstrapServers() : "127.0.0.1:" + DEFAULT_BROKER_PORT;
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        TopicSetup.ensure(client, config.partitions(), config.replicationFactor());
        if (config.registryUrl() == null && embeddedIfMissing) {
            // an external cluster without a registry: serve one from this process, stored in the cluster's _schemas
            Registry registry = Registry.startEmbedded(client, DEFAULT_REGISTRY_PORT, config.registryWriteToken());
            return new Platform(null, registry, bootstrap, registry.clientUrl(), client, config.dataDir());
        }
        String url = config.registryUrl() != null ? config.registryUrl() : "http://127.0.0.1:" + DEFAULT_REGISTRY_PORT;
        return new Platform(null, null, bootstrap, url, client, config.dataDir());
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
