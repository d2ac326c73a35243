package dev.warta.app.review;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.schemas.EnrichedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review page over HTTP (JDK server): {@code /} the live article list ({@code ?lang=&entity=&q=&spam=yes|no&dup=yes|no}),
 * {@code /article?id=} one article, {@code /accounting}, {@code /dead-letters?stage=&reason=}, {@code /api/version}
 * (changes when the data does; the page polls it) and {@code /static/} (CSS and JS from the jar; no CDN).
 * Read-only: GET and HEAD. Example: {@code ReviewServer.start(model, feed, "127.0.0.1", 0).url()}.
 */
public final class ReviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewServer.class);
    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> STATIC =
            Map.of("review.css", "text/css; charset=utf-8", "review.js", "text/javascript; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService executor;
    private final String host;

    private ReviewServer(HttpServer server, ExecutorService executor, String host) {
        this.server = server;
        this.executor = executor;
        this.host = host;
    }

    /**
     * Serves {@code model} on {@code bind}:{@code port}; {@code port} 0 is any free port and a taken port falls back
     * to a free one when {@code fallback}. {@code feed} reads the articles back for the article view.
     */
    public static ReviewServer start(ReviewModel model, ReviewFeed feed, String bind, int port, boolean fallback) {
        HttpServer server;
        try {
            try {
                server = HttpServer.create(new InetSocketAddress(bind, port), 64);
            } catch (BindException taken) {
                if (!fallback || port == 0) {
                    throw new UncheckedIOException(
                            "cannot serve the review page on " + bind + ":" + port + ": port taken", taken);
                }
                LOG.info("port {} is taken, the review page takes a free port", port);
                server = HttpServer.create(new InetSocketAddress(bind, 0), 64);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the review page on " + bind + ":" + port, e);
        }
        server.createContext("/", ex -> handle(ex, () -> route(ex, model, feed)));
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "warta-review-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return new ReviewServer(server, executor, host.contains(":") ? "[" + host + "]" : host);
    }

    private interface Route {
        Response get() throws IOException;
    }

    private record Response(int status, String type, byte[] body) {
        static Response html(int status, String html) {
            return new Response(status, HTML, html.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void handle(HttpExchange ex, Route route) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(
                        ex,
                        new Response(
                                405,
                                "text/plain; charset=utf-8",
                                "method not allowed\n".getBytes(StandardCharsets.UTF_8)));
                return;
            }
            Response r;
            try {
                r = route.get();
            } catch (RuntimeException e) {
                LOG.warn("review: {} failed: {}", ex.getRequestURI(), e.toString());
                r = Response.html(500, ReviewPages.notFound("the page failed: " + e.getMessage()));
            }
            send(ex, r);
        }
    }

    private static Response route(HttpExchange ex, ReviewModel model, ReviewFeed feed) throws IOException {
        String path = ex.getRequestURI().getPath();
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        switch (path) {
            case "/" -> {
                return Response.html(
                        200,
                        ReviewPages.list(
                                model,
                                new ReviewModel.Query(
                                        q.get("lang"),
                                        q.get("entity"),
                                        q.get("q"),
                                        yesNo(q.get("spam")),
                                        yesNo(q.get("dup")))));
            }
            case "/article" -> {
                ReviewModel.Summary s = q.get("id") == null ? null : model.find(q.get("id"));
                EnrichedArticle a = s == null ? null : feed.read(s.location());
                return a == null
                        ? Response.html(404, ReviewPages.notFound("no article " + q.get("id")))
                        : Response.html(200, ReviewPages.article(s, a));
            }
            case "/accounting" -> {
                return Response.html(200, ReviewPages.accounting(model));
            }
            case "/dead-letters" -> {
                return Response.html(200, ReviewPages.deadLetters(model, q.get("stage"), q.get("reason")));
            }
            case "/api/version" -> {
                return new Response(
                        200,
                        "text/plain; charset=utf-8",
                        String.valueOf(model.version()).getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                String name = path.startsWith("/static/") ? path.substring("/static/".length()) : null;
                if (name != null && STATIC.containsKey(name)) {
                    try (InputStream in = ReviewServer.class.getResourceAsStream(name)) {
                        if (in != null) {
                            return new Response(200, STATIC.get(name), in.readAllBytes());
                        }
                    }
                }
                return Response.html(404, ReviewPages.notFound(path));
            }
        }
    }

    private static Boolean yesNo(String v) {
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static void send(HttpExchange ex, Response r) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", r.type());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        // article text is hostile: even if escaping failed somewhere, no inline or foreign script may run
        h.set(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(r.status(), head ? -1 : r.body().length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8088/}. */
    public String url() {
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
