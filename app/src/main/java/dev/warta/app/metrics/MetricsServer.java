package dev.warta.app.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP server on 127.0.0.1: {@code GET /metrics} (Prometheus text format) and {@code GET /health} (200
 * {@code {"status":"UP",...}} when every registered stage is up, 503 otherwise). Example:
 * {@code try (MetricsServer s = MetricsServer.start(metrics, 0)) { curl http://127.0.0.1:<s.port()>/health }}.
 */
public final class MetricsServer implements AutoCloseable {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code metrics} on 127.0.0.1:{@code port} (0 = a free port). */
    public static MetricsServer start(Metrics metrics, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
            server.createContext("/metrics", ex -> {
                if (!allowed(ex)) {
                    return;
                }
                respond(ex, 200, PROMETHEUS_TEXT, metrics.scrape());
            });
            server.createContext("/health", ex -> {
                if (!allowed(ex)) {
                    return;
                }
                Metrics.Health h = metrics.health();
                respond(ex, h.up() ? 200 : 503, "application/json", h.toJson());
            });
            server.createContext("/", ex -> respond(ex, 404, "text/plain; charset=utf-8", "not found\n"));
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "warta-metrics-http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            server.start();
            return new MetricsServer(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on 127.0.0.1:" + port, e);
        }
    }

    private static boolean allowed(HttpExchange ex) throws IOException {
        String m = ex.getRequestMethod();
        if ("GET".equals(m) || "HEAD".equals(m)) {
            return true;
        }
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        respond(ex, 405, "text/plain; charset=utf-8", "method not allowed\n");
        return false;
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
