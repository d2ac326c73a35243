package dev.warta.ingest.http;

import java.time.Duration;

/**
 * Process-wide limits of the JDK HTTP server behind every warta endpoint (ingest {@code POST /articles}, the embedded
 * registry, metrics): a request must be read whole, headers and body, within {@link #DEFAULT_MAX_REQUEST_TIME} of the
 * connection's accept (a client trickling bytes is disconnected then, freeing its handler thread), and at most
 * {@link #DEFAULT_MAX_CONNECTIONS} connections are open per server (beyond that the server closes new connections at
 * once). The JDK reads these as system properties ({@code sun.net.httpserver.maxReqTime} in seconds,
 * {@code jdk.httpserver.maxConnections}) once, when the first server of the process starts: {@link #install()} must
 * run before that, and a value already given on the command line ({@code -D...}) wins.
 */
public final class ServerLimits {
    /** Time to read one whole request (headers and body) after the connection was accepted. */
    public static final Duration DEFAULT_MAX_REQUEST_TIME = Duration.ofSeconds(10);
    /** Open connections per server. */
    public static final int DEFAULT_MAX_CONNECTIONS = 2048;

    static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
    static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";

    private ServerLimits() {}

    /** Sets the defaults unless the properties are already set; call before the first HTTP server starts. */
    public static void install() {
        setIfAbsent(MAX_REQ_TIME, Long.toString(DEFAULT_MAX_REQUEST_TIME.toSeconds()));
        setIfAbsent(MAX_CONNECTIONS, Integer.toString(DEFAULT_MAX_CONNECTIONS));
    }

    /** The request read deadline in force (as far as the properties tell). */
    public static Duration maxRequestTime() {
        try {
            return Duration.ofSeconds(Long.parseLong(System.getProperty(MAX_REQ_TIME, "-1")));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(-1);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
