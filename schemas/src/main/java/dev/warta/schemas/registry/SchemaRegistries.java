package dev.warta.schemas.registry;

import java.time.Duration;

/** Opens the registry a URL names: {@code mem://scope} for a process-local one, http(s) for a real one. */
public final class SchemaRegistries {
    private SchemaRegistries() {
    }

    public static SchemaRegistry open(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is not set");
        }
        if (url.startsWith("mem://")) {
            return InMemorySchemaRegistry.scope(url.substring("mem://".length()));
        }
        return new RestSchemaRegistryClient(url, Duration.ofSeconds(10), 3);
    }
}
