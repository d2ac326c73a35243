package dev.warta.app.platform;

import dev.warta.app.registry.EmbeddedSchemaRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Starts the embedded schema registry (stored in the {@code _schemas} topic). Changes over HTTP need its write token:
 * the configured one, else a random one only this process knows; {@link #clientUrl()} carries it for this process's
 * own stages, which register warta's schemas.
 */
final class Registry implements AutoCloseable {
    private final EmbeddedSchemaRegistry server;
    private final String token;

    private Registry(EmbeddedSchemaRegistry server, String token) {
        this.server = server;
        this.token = token;
    }

    /** @param writeToken the configured write token, or null for a random one */
    static Registry startEmbedded(Properties client, int port, String writeToken) {
        String token = writeToken != null && !writeToken.isBlank() ? writeToken : randomToken();
        return new Registry(
                new EmbeddedSchemaRegistry(client, port).writeToken(token).start(), token);
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The URL others use. */
    String url() {
        return server.url();
    }

    /** The URL with the write token as basic-auth userinfo, for this process's own clients. */
    String clientUrl() {
        return server.url()
                .replace("http://", "http://warta:" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "@");
    }

    @Override
    public void close() {
        server.close();
    }
}
