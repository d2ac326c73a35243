package dev.warta.app.platform;

import dev.warta.app.registry.EmbeddedSchemaRegistry;
import java.util.Properties;

/** Starts the embedded schema registry (stored in the {@code _schemas} topic). */
final class Registry implements AutoCloseable {
    private final EmbeddedSchemaRegistry server;

    private Registry(EmbeddedSchemaRegistry server) {
        this.server = server;
    }

    static Registry startEmbedded(Properties client, int port) {
        return new Registry(new EmbeddedSchemaRegistry(client, port).start());
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
    }
}
