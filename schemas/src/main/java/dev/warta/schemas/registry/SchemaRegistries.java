package dev.warta.schemas.registry;

import java.time.Duration;
import java.util.Map;

/** Opens the registry a URL names: {@code mem://scope} for a process-local one, http(s) for a real one. */
public final class SchemaRegistries {
    /** Default timeout of each registry request. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default number of retries of a request that met a connection error or a 5xx. */
    public static final int DEFAULT_RETRIES = 3;

    private SchemaRegistries() {}

    public static SchemaRegistry open(String url) {
        return open(url, Map.of());
    }

    /**
     * Opens {@code url} with Confluent-style client settings passed through to {@link RestSchemaRegistryClient}
     * ({@code basic.auth.user.info}, {@code basic.auth.credentials.source}).
     */
    public static SchemaRegistry open(String url, Map<String, ?> config) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set");
        }
        if (url.startsWith("mem://")) {
            return InMemorySchemaRegistry.scope(url.substring("mem://".length()));
        }
        return new RestSchemaRegistryClient(url, DEFAULT_TIMEOUT, DEFAULT_RETRIES, config);
    }
}
