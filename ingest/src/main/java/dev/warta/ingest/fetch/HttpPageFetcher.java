package dev.warta.ingest.fetch;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.source.BoundedReads;
import dev.warta.ingest.source.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPInputStream;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches pages over HTTP(S) with Apache HttpClient: only to addresses the {@link FetchPolicy} allows (public ones
 * by default; the policy is the client's only name resolver, so redirects are checked too and the checked address is
 * the one connected to), at most {@value #MAX_REDIRECTS} redirects, connect and read timeouts, a size limit (also on gzip content,
 * decompressed with the same bound), a User-Agent, at most {@value #PER_HOST} concurrent requests per host, and
 * {@code Retry-After} honoured (one retry when it is within {@link IngestLimits#maxRetryAfter()}; until then other
 * requests to that host wait too). After {@value #TRIP_AFTER} connection failures or timeouts in a row a host is
 * not tried for five minutes (reason {@code host-down}), so a feed of an unreachable site does not cost a timeout per
 * item. A refused fetch fails with reason {@value #REFUSED}. Thread-safe; share one instance.
 */
public final class HttpPageFetcher implements PageFetcher {
    /** Concurrent requests allowed per host. */
    public static final int PER_HOST = 2;
    /** Reason of a fetch the {@link FetchPolicy} refuses. */
    public static final String REFUSED = "fetch-refused";

    static final int MAX_REDIRECTS = 5;

    private final CloseableHttpClient client;
    private final IngestLimits limits;
    private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> notBefore = new ConcurrentHashMap<>();
    /** Consecutive connection failures per host; at {@value #TRIP_AFTER} the host is skipped for {@link #COOL_DOWN}. */
    private final ConcurrentMap<String, int[]> failures = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, Instant> downUntil = new ConcurrentHashMap<>();
    static final int TRIP_AFTER = 3;
    static final Duration COOL_DOWN = Duration.ofMinutes(5);
    private final Clock clock = Clock.systemUTC();

    /** A fetcher with the fetch policy of {@code limits}. */
    public HttpPageFetcher(IngestLimits limits) {
        this.limits = limits;
        FetchPolicy policy = limits.fetchPolicy();
        Timeout timeout = Timeout.of(limits.fetchTimeout());
        DnsResolver resolver = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return policy.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setMaxConnPerRoute(PER_HOST)
                        .setMaxConnTotal(64)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout)
                                .setSocketTimeout(timeout)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout)
                        .setMaxRedirects(MAX_REDIRECTS)
                        .setContentCompressionEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    @Override
    public Page fetch(String url) throws FetchException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (RuntimeException e) {
            throw new FetchException("bad-url", "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new FetchException("bad-url", "not an http(s) URL: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Instant down = downUntil.get(host);
        if (down != null && clock.instant().isBefore(down)) {
            throw new FetchException(
                    "host-down", host + " failed " + TRIP_AFTER + " times in a row; not tried again before " + down);
        }
        Semaphore hostPermits = permits.computeIfAbsent(host, h -> new Semaphore(PER_HOST, true));
        try {
            hostPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted", e);
        }
        try {
            for (int attempt = 0; ; attempt++) {
                waitForHost(host);
                HttpClientContext context = HttpClientContext.create();
                ClassicHttpResponse response;
                try {
                    response = send(uri, context);
                } catch (FetchException e) {
                    if (e.reason().equals("unreachable") || e.reason().equals("timeout")) {
                        int n;
                        synchronized (failures.computeIfAbsent(host, h -> new int[1])) {
                            n = ++failures.get(host)[0];
                        }
                        if (n >= TRIP_AFTER) {
                            downUntil.put(host, clock.instant().plus(COOL_DOWN));
                            failures.remove(host);
                        }
                    }
                    throw e;
                }
                failures.remove(host);
                int status = response.getCode();
                if ((status == 429 || status == 503) && attempt == 0) {
                    Duration wait = retryAfter(header(response, "Retry-After"));
                    drain(response);
                    if (wait != null && wait.compareTo(limits.maxRetryAfter()) <= 0) {
                        notBefore.merge(host, clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
                        continue;
                    }
                    throw new FetchException(
                            "http-" + status,
                            "HTTP " + status + " from " + host
                                    + (wait == null ? "" : " (Retry-After " + wait.toSeconds() + " s is too long)"));
                }
                if (status < 200 || status >= 300) {
                    drain(response);
                    throw new FetchException("http-" + status, "HTTP " + status + " for " + url);
                }
                String contentType = header(response, "Content-Type");
                String encoding = header(response, "Content-Encoding");
                boolean gzip =
                        encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip");
                HttpEntity entity = response.getEntity();
                try (response;
                        InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
                        InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
                    byte[] body = BoundedReads.readBounded(in, limits.maxPageBytes(), "page " + url);
                    return new Page(body, contentType, finalUri(uri, context).toString(), status);
                } catch (TooLargeException e) {
                    throw new FetchException("too-large", e.getMessage(), e);
                } catch (IOException e) {
                    throw new FetchException("read-error", "reading " + url + ": " + e, e);
                }
            }
        } finally {
            hostPermits.release();
        }
    }

    private ClassicHttpResponse send(URI uri, HttpClientContext context) throws FetchException {
        HttpGet request = new HttpGet(uri);
        request.setHeader("User-Agent", limits.userAgent());
        request.setHeader("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        request.setHeader("Accept-Encoding", "gzip");
        try {
            // the response stays open for the caller to read its body within the size limit
            return client.executeOpen(null, request, context);
        } catch (IOException e) {
            FetchPolicy.RefusedException refused = causeOf(e, FetchPolicy.RefusedException.class);
            if (refused != null) {
                throw new FetchException(REFUSED, refused.getMessage(), refused);
            }
            if (causeOf(e, InterruptedIOException.class) != null) { // socket and connect timeouts
                throw new FetchException("timeout", "timed out fetching " + uri, e);
            }
            if (e instanceof ClientProtocolException) { // too many or circular redirects, unsupported scheme
                throw new FetchException("bad-redirect", "cannot fetch " + uri + ": " + e.getMessage(), e);
            }
            throw new FetchException("unreachable", "cannot fetch " + uri + ": " + e, e);
        } catch (RuntimeException e) {
            throw new FetchException("bad-url", "cannot fetch " + uri + ": " + e.getMessage(), e);
        }
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** The URI the body came from: the last redirect target, else the request's. */
    private static URI finalUri(URI requested, HttpClientContext context) {
        var redirects = context.getRedirectLocations();
        return redirects == null || redirects.size() == 0 ? requested : redirects.get(redirects.size() - 1);
    }

    private void waitForHost(String host) throws FetchException {
        Instant until = notBefore.get(host);
        if (until == null) {
            return;
        }
        long millis = Duration.between(clock.instant(), until).toMillis();
        if (millis > 0) {
            try {
                // politeness: the host asked us to come back later; this is a deliberate wait, not a test sleep
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted", "interrupted", e);
            }
        }
    }

    private static void drain(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    /** Parses a Retry-After value (delta seconds or HTTP date); null when absent or unparsable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }
}
