package dev.warta.app.cli;

import dev.warta.app.platform.ClusterConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * How a command reaches Kafka and the schema registry. Every option can also come from the environment
 * ({@code WARTA_BOOTSTRAP_SERVERS}, ...) or the properties file ({@code WARTA_CONFIG}, default
 * {@code ./warta.properties}); Kafka client settings (security included) pass through with {@code -k key=value}
 * or {@code kafka.<key>} lines in the properties file.
 */
public class ClusterOptions {
    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT",
            description = "Kafka cluster to use. Without it, an embedded broker and registry are started (run) or "
                    + "127.0.0.1:9092 is assumed (other commands).")
    public String bootstrapServers;

    @Option(
            names = "--registry-url",
            paramLabel = "URL",
            description = "Confluent-compatible schema registry (default: the embedded one, or http://127.0.0.1:8081).")
    public String registryUrl;

    @Option(
            names = "--broker-port",
            paramLabel = "PORT",
            description =
                    "Port of the embedded broker on 127.0.0.1; without it 9092, or a free port when 9092 is taken; "
                            + "0: any free port. "
                            + "Commands that connect use 127.0.0.1:PORT when there is no --bootstrap-servers.")
    public Integer brokerPort;

    @Option(
            names = "--registry-port",
            paramLabel = "PORT",
            description =
                    "Port of the embedded schema registry on 127.0.0.1; without it 8081, or a free port when "
                            + "8081 is taken; 0: any free port. Commands that connect use http://127.0.0.1:PORT when there is no --registry-url.")
    public Integer registryPort;

    @Option(
            names = "--registry-write-token",
            paramLabel = "SECRET",
            description =
                    "Secret that changes to the embedded registry over HTTP need (new schemas, config, deletes), as "
                            + "basic-auth password or bearer token; better set as WARTA_REGISTRY_WRITE_TOKEN or in the config "
                            + "file. Without it the embedded registry refuses changes from other processes.")
    public String registryWriteToken;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "./data",
            description = "Data directory of the embedded broker and of stream state (default: ${DEFAULT-VALUE}).")
    public Path dataDir;

    @Option(
            names = "--partitions",
            defaultValue = "3",
            description = "Partitions of topics created (default: ${DEFAULT-VALUE}).")
    public int partitions;

    @Option(
            names = "--replication-factor",
            defaultValue = "1",
            description = "Replication factor of topics created (default: ${DEFAULT-VALUE}).")
    public short replicationFactor;

    @Option(
            names = {"-k", "--kafka-property"},
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "",
            description = "Kafka client setting passed through (e.g. security.protocol=SASL_SSL). Repeatable.")
    public Map<String, String> kafkaProperties = new LinkedHashMap<>();

    /** The cluster configuration these options, the environment and the properties file describe. */
    public ClusterConfig config() {
        Map<String, String> settings = new LinkedHashMap<>();
        clientProperties().forEach((k, v) -> settings.put(k.toString(), v.toString()));
        return new ClusterConfig(
                bootstrapServers,
                registryUrl,
                dataDir,
                partitions,
                replicationFactor,
                settings,
                brokerPort,
                registryPort,
                registryWriteToken);
    }

    /** Kafka client settings: properties-file {@code kafka.*} entries, then {@code -k} options. */
    Properties clientProperties() {
        Properties p = new Properties();
        ConfigDefaults.fileProperties().forEach((k, v) -> {
            String key = k.toString();
            if (key.startsWith("kafka.")) {
                p.put(key.substring("kafka.".length()), v);
            }
        });
        p.putAll(kafkaProperties);
        return p;
    }
}
