package dev.warta.ingest.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.IngestRunner;
import dev.warta.ingest.Item;
import dev.warta.ingest.Publisher;
import dev.warta.ingest.source.BoundedReads;
import dev.warta.ingest.source.Records;
import dev.warta.ingest.source.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /articles}: a JSON object as in JSONL ({@code Content-Type: application/json}) or an HTML page
 * ({@code text/html}, URL in {@code ?url=}). Answers {@code 202 {"id":...,"outcome":...}} only once the sink acked the
 * article, {@code 400 {"error":reason}} for input that is not an article (not dead-lettered: the client is told),
 * {@code 413} over the size limit, {@code 503} when saturated or when the sink fails, {@code 405}/{@code 404} otherwise.
 *
 * <p>Memory is bounded: a fixed pool of handler threads with a bounded queue, at most {@code maxInFlight} requests
 * waiting for an ack and at most {@code maxInFlightBytes} of bodies held; beyond that requests get 503 at once
 * (without reading their body). Past the handler queue (default 10,000 waiting connections) the JDK server closes
 * the connection instead. Slow clients cannot hold the endpoint: the JDK server reads a request's headers and body on
 * a handler thread, so there are {@value #DEFAULT_THREADS} of them and each request must arrive whole within
 * {@link ServerLimits#DEFAULT_MAX_REQUEST_TIME} (the connection is closed then), with at most
 * {@link ServerLimits#DEFAULT_MAX_CONNECTIONS} connections open (see {@link ServerLimits}). Binds 127.0.0.1 unless
 * told otherwise.
 */
public final class HttpIngestServer implements AutoCloseable {
    /** Handler threads by default: more than a few slow clients can hold for the request read deadline. */
    public static final int DEFAULT_THREADS = 64;

    static {
        ServerLimits.install(); // before this class starts the process's first JDK HTTP server, if it does
    }

    /** Server options; {@link #defaults(IngestLimits)} gives sensible ones. */
    public record Options(int threads, int queue, int maxInFlight, long maxInFlightBytes, long maxBodyBytes) {
        public static Options defaults(IngestLimits limits) {
            return new Options(DEFAULT_THREADS, 10_000, 2048, 256L * 1024 * 1024, limits.maxPageBytes());
        }
    }

    private final HttpServer server;
    private final IngestRunner runner;
    private final Options options;
    private final ThreadPoolExecutor handlers;
    private final ExecutorService responders;
    private final Semaphore inFlight;
    private final Semaphore inFlightKiB;
    private final AtomicLong requests = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight =
            new java.util.concurrent.atomic.AtomicInteger();

    private HttpIngestServer(IngestRunner runner, InetSocketAddress bind, Options options) throws IOException {
        this.runner = runner;
        this.options = options;
        this.inFlight = new Semaphore(options.maxInFlight());
        this.inFlightKiB = new Semaphore((int) Math.min(Integer.MAX_VALUE, options.maxInFlightBytes() / 1024));
        this.handlers = new ThreadPoolExecutor(
                options.threads(),
                options.threads(),
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.queue()),
                daemon("warta-ingest-http"),
                new ThreadPoolExecutor.AbortPolicy());
        this.responders = Executors.newFixedThreadPool(2, daemon("warta-ingest-http-ack"));
        this.server = HttpServer.create(bind, 1024);
        server.createContext("/articles", this::handle);
        server.createContext("/", ex -> respond(ex, 404, "{\"error\":\"not-found\"}"));
        server.setExecutor(handlers);
        server.start();
    }

    /** Starts a server on {@code 127.0.0.1:port} (port 0: any free port). */
    public static HttpIngestServer start(IngestRunner runner, int port, IngestLimits limits) throws IOException {
        return start(runner, new InetSocketAddress("127.0.0.1", port), Options.defaults(limits));
    }

    /** Starts a server on {@code bind}. */
    public static HttpIngestServer start(IngestRunner runner, InetSocketAddress bind, Options options)
            throws IOException {
        return new HttpIngestServer(runner, bind, options);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests accepted for processing and not answered yet (bodies held in memory or waiting for an ack). */
    public int inFlight() {
        return options.maxInFlight() - inFlight.availablePermits();
    }

    /** The most requests ever in flight at once; never above {@link Options#maxInFlight()}. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    private void handle(HttpExchange ex) {
        try {
            if (!ex.getRequestMethod().equalsIgnoreCase("POST")) {
                ex.getResponseHeaders().add("Allow", "POST");
                respond(ex, 405, "{\"error\":\"method-not-allowed\"}");
                return;
            }
            long declared = contentLength(ex);
            if (declared > options.maxBodyBytes()) {
                respond(ex, 413, "{\"error\":\"too-large\",\"limit\":" + options.maxBodyBytes() + "}");
                return;
            }
            if (!inFlight.tryAcquire()) {
                respond(ex, 503, "{\"error\":\"saturated\"}");
                return;
            }
            peakInFlight.accumulateAndGet(inFlight(), Math::max);
            int kib = (int) Math.max(1, (declared < 0 ? 64 * 1024 : declared) / 1024 + 1);
            if (!inFlightKiB.tryAcquire(kib)) {
                inFlight.release();
                respond(ex, 503, "{\"error\":\"saturated\"}");
                return;
            }
            ex.setAttribute("warta.kib", kib);
            boolean async = false;
            try {
                async = accept(ex);
            } finally {
                if (!async) {
                    inFlight.release();
                    inFlightKiB.release(kib);
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                respond(ex, 500, "{\"error\":\"internal\"}");
            } catch (IOException ignored) {
                ex.close();
            }
        }
    }

    /** Reads and submits; true when the response will be sent asynchronously after the ack. */
    private boolean accept(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = BoundedReads.readBounded(in, options.maxBodyBytes(), "request body");
        } catch (TooLargeException e) {
            respond(ex, 413, "{\"error\":\"too-large\",\"limit\":" + options.maxBodyBytes() + "}");
            return false;
        }
        String client = ex.getRemoteAddress() == null
                ? "unknown"
                : ex.getRemoteAddress().getAddress().getHostAddress();
        String provenance = "http:" + client + "#" + requests.incrementAndGet();
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String url = queryParam(ex.getRequestURI().getRawQuery(), "url");
        Records.Draft draft = new Records.Draft("http", client, provenance);
        Item item;
        if (body.length == 0) {
            respond(ex, 400, "{\"error\":\"empty\"}");
            return false;
        }
        if (isJson(contentType, body)) {
            item = runner.sources().jsonl().parseObject(body, draft);
        } else {
            item = runner.sources().html().fromBytes(body, contentType, url, draft);
        }
        if (item instanceof Item.Dead d) {
            respond(
                    ex,
                    400,
                    "{\"error\":" + quote(d.letter().getReason()) + ",\"message\":"
                            + quote(d.letter().getMessage()) + "}");
            return false;
        }
        String id = ((Item.Article) item).article().getId();
        runner.publisher()
                .submit(item)
                .whenCompleteAsync(
                        (outcome, e) -> {
                            try {
                                if (e != null) {
                                    respond(
                                            ex,
                                            503,
                                            "{\"error\":\"sink-unavailable\",\"message\":"
                                                    + quote(Publisher.rootMessage(e)) + "}");
                                } else {
                                    respond(
                                            ex,
                                            202,
                                            "{\"id\":" + quote(id) + ",\"outcome\":"
                                                    + quote(outcome.name().toLowerCase(Locale.ROOT)) + "}");
                                }
                            } catch (IOException ignored) {
                                // the client went away; the article is written all the same
                            } finally {
                                inFlight.release();
                                Object reserved = ex.getAttribute("warta.kib");
                                inFlightKiB.release(reserved instanceof Integer r ? r : 1);
                            }
                        },
                        responders);
        return true;
    }

    private static boolean isJson(String contentType, byte[] body) {
        if (contentType != null) {
            String ct = contentType.toLowerCase(Locale.ROOT);
            if (ct.contains("json")) {
                return true;
            }
            if (ct.contains("html")) {
                return false;
            }
        }
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            return b == '{';
        }
        return false;
    }

    private static long contentLength(HttpExchange ex) {
        String v = ex.getRequestHeaders().getFirst("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String queryParam(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void respond(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (status == 503) {
            ex.getResponseHeaders().set("Retry-After", "1");
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A JSON string literal. */
    static String quote(String s) {
        return s == null
                ? "null"
                : '"'
                        + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance()
                                .quoteAsString(s))
                        + '"';
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        responders.shutdown();
    }
}
