package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.warta.ingest.fetch.FetchPolicy;
import dev.warta.ingest.fetch.HttpPageFetcher;
import dev.warta.ingest.fetch.PageFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPageFetcherTest {
    private HttpServer server;
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    private final AtomicReference<String> userAgent = new AtomicReference<>();
    private final AtomicInteger retryHits = new AtomicInteger();
    private final AtomicInteger redirects = new AtomicInteger();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger slowArrivals = new AtomicInteger();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/ok", ex -> {
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            reply(ex, 200, "text/html; charset=utf-8", "<html><title>ok</title></html>");
        });
        server.createContext("/redirect", ex -> {
            redirects.incrementAndGet();
            ex.getResponseHeaders()
                    .add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/ok");
            reply(ex, 302, "text/plain", "moved");
        });
        server.createContext("/missing", ex -> reply(ex, 404, "text/plain", "no"));
        server.createContext("/big", ex -> reply(ex, 200, "text/html", "x".repeat(5000)));
        server.createContext("/busy", ex -> {
            if (retryHits.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                reply(ex, 503, "text/plain", "later");
            } else {
                reply(ex, 200, "text/html", "<html>now</html>");
            }
        });
        server.createContext("/tooLong", ex -> {
            ex.getResponseHeaders().add("Retry-After", "3600");
            reply(ex, 429, "text/plain", "slow down");
        });
        server.createContext("/slow", ex -> {
            slowArrivals.incrementAndGet();
            int now = current.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                releaseSlow.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.decrementAndGet();
            reply(ex, 200, "text/html", "<html>slow</html>");
        });
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The test server is on loopback, which the default policy refuses: allow it explicitly. */
    private static final FetchPolicy LOOPBACK_ALLOWED =
            FetchPolicy.publicOnly().allowing(List.of("127.0.0.1", "localhost"));

    private final HttpPageFetcher fetcher = new HttpPageFetcher(
            IngestLimits.defaults().withFetchTimeout(Duration.ofSeconds(5)).withFetchPolicy(LOOPBACK_ALLOWED));

    @Test
    void shouldRefuseLoopbackByDefaultWithoutConnecting() {
        HttpPageFetcher strict = new HttpPageFetcher(IngestLimits.defaults());
        for (String u : List.of(
                url("/ok"),
                "http://localhost:" + server.getAddress().getPort() + "/ok",
                "http://[::1]:" + server.getAddress().getPort() + "/ok")) {
            assertThatThrownBy(() -> strict.fetch(u))
                    .as(u)
                    .isInstanceOfSatisfying(
                            PageFetcher.FetchException.class,
                            e -> assertThat(e.reason()).isEqualTo(HttpPageFetcher.REFUSED));
        }
        assertThat(userAgent.get()).as("no request reached the server").isNull();
    }

    @Test
    void shouldRefuseARedirectIntoTheInternalNetwork() {
        // "news.test" stands for a public site (allowed by name); it redirects to a loopback address that is not
        // allowed
        FetchPolicy policy = FetchPolicy.publicOnly()
                .allowing(List.of("news.test"))
                .withResolver(h -> h.equals("news.test")
                        ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                        : InetAddress.getAllByName(h));
        HttpPageFetcher f = new HttpPageFetcher(IngestLimits.defaults().withFetchPolicy(policy));
        String start = "http://news.test:" + server.getAddress().getPort() + "/redirect";
        assertThatThrownBy(() -> f.fetch(start))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(HttpPageFetcher.REFUSED));
        assertThat(redirects).hasValue(1);
        assertThat(userAgent.get()).as("the redirect target was not fetched").isNull();
    }

    @Test
    void shouldConnectToTheAddressItCheckedWithoutASecondLookup() throws Exception {
        // a rebinding name answers loopback (allowed here) first and an internal address after: only one lookup may
        // happen
        AtomicInteger lookups = new AtomicInteger();
        FetchPolicy policy = FetchPolicy.publicOnly()
                .allowing(List.of("127.0.0.1/32"))
                .withResolver(h -> new InetAddress[] {
                    lookups.incrementAndGet() == 1
                            ? InetAddress.getLoopbackAddress()
                            : InetAddress.getByAddress(h, new byte[] {10, 9, 9, 9})
                });
        HttpPageFetcher f = new HttpPageFetcher(IngestLimits.defaults().withFetchPolicy(policy));
        PageFetcher.Page page =
                f.fetch("http://rebind.test:" + server.getAddress().getPort() + "/ok");
        assertThat(page.status()).isEqualTo(200);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void fetchesWithUserAgentAndContentType() throws Exception {
        PageFetcher.Page page = fetcher.fetch(url("/ok"));
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("<title>ok</title>");
        assertThat(page.contentType()).contains("charset=utf-8");
        assertThat(userAgent.get()).startsWith("warta-ingest/");
    }

    @Test
    void errorStatusAndOversizedPagesFailWithAReason() {
        assertThatThrownBy(() -> fetcher.fetch(url("/missing")))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo("http-404"));
        HttpPageFetcher small = new HttpPageFetcher(
                IngestLimits.defaults().withMaxPageBytes(1000).withFetchPolicy(LOOPBACK_ALLOWED));
        assertThatThrownBy(() -> small.fetch(url("/big")))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo("too-large"));
        assertThatThrownBy(() -> fetcher.fetch("ftp://example.com/x"))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo("bad-url"));
    }

    @Test
    void retryAfterIsHonouredOnce() throws Exception {
        long start = System.nanoTime();
        PageFetcher.Page page = fetcher.fetch(url("/busy"));
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("now");
        assertThat(retryHits).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void retryAfterBeyondTheMaximumGivesUp() {
        assertThatThrownBy(() -> fetcher.fetch(url("/tooLong")))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo("http-429"));
    }

    @Test
    void unreachableHostIsNotTriedAgainAfterThreeFailures() throws Exception {
        int port;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        String dead = "http://localhost:" + port + "/x";
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> fetcher.fetch(dead))
                    .isInstanceOfSatisfying(
                            PageFetcher.FetchException.class,
                            e -> assertThat(e.reason()).isIn("unreachable", "timeout"));
        }
        assertThatThrownBy(() -> fetcher.fetch(dead))
                .isInstanceOfSatisfying(
                        PageFetcher.FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo("host-down"));
        assertThat(fetcher.fetch(url("/ok")).status())
                .as("other hosts are unaffected")
                .isEqualTo(200);
    }

    @Test
    void atMostTwoRequestsPerHostAtOnce() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<PageFetcher.Page>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(callers.submit(() -> fetcher.fetch(url("/slow"))));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (slowArrivals.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            // give a third request every chance to arrive if the limit did not hold
            long window = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (slowArrivals.get() < 3 && System.nanoTime() < window) {
                Thread.onSpinWait();
            }
            assertThat(slowArrivals).hasValue(2);
            releaseSlow.countDown();
            for (Future<PageFetcher.Page> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(maxConcurrent).hasValue(2);
        } finally {
            callers.shutdownNow();
        }
    }
}
