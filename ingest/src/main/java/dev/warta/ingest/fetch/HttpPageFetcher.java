package dev.warta.ingest.fetch;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.source.BoundedReads;
import dev.warta.ingest.source.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

/**
 * Fetches pages over HTTP(S) with {@link HttpClient}: connect and read timeouts, a size limit (also on gzip content,
 * decompressed with the same bound), a User-Agent, at most {@value #PER_HOST} concurrent requests per host, and
 * {@code Retry-After} honoured (one retry when it is within {@link IngestLimits#maxRetryAfter()}; until then other
 * requests to that host wait too). After {@value #TRIP_AFTER} connection failures or timeouts in a row a host is
 * not tried for five minutes (reason {@code host-down}), so a feed of an unreachable site does not cost a timeout per
 * item. Thread-safe; share one instance.
 */
public final class HttpPageFetcher implements PageFetcher {
    /** Concurrent requests allowed per host. */
    public static final int PER_HOST = 2;

    private final HttpClient client;
    private final IngestLimits limits;
    private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> notBefore = new ConcurrentHashMap<>();
    /** Consecutive connection failures per host; at {@value #TRIP_AFTER} the host is skipped for {@link #COOL_DOWN}. */
    private final ConcurrentMap<String, int[]> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Instant> downUntil = new ConcurrentHashMap<>();
    static final int TRIP_AFTER = 3;
    static final Duration COOL_DOWN = Duration.ofMinutes(5);
    private final Clock clock = Clock.systemUTC();

    public HttpPageFetcher(IngestLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder().connectTimeout(limits.fetchTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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
            throw new FetchException("host-down", host + " failed " + TRIP_AFTER + " times in a row; not tried again before " + down);
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
                HttpResponse<InputStream> response;
                try {
                    response = send(uri);
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
                int status = response.statusCode();
                if ((status == 429 || status == 503) && attempt == 0) {
                    Duration wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
                    drain(response);
                    if (wait != null && wait.compareTo(limits.maxRetryAfter()) <= 0) {
                        notBefore.merge(host, clock.instant().plus(wait), (a, b) -> a.isAfter(b) ? a : b);
                        continue;
                    }
                    throw new FetchException("http-" + status, "HTTP " + status + " from " + host
                            + (wait == null ? "" : " (Retry-After " + wait.toSeconds() + " s is too long)"));
                }
                if (status < 200 || status >= 300) {
                    drain(response);
                    throw new FetchException("http-" + status, "HTTP " + status + " for " + url);
                }
                String contentType = response.headers().firstValue("Content-Type").orElse(null);
                boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
                try (InputStream in = gzip ? new GZIPInputStream(response.body()) : response.body()) {
                    byte[] body = BoundedReads.readBounded(in, limits.maxPageBytes(), "page " + url);
                    return new Page(body, contentType, response.uri().toString(), status);
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

    private HttpResponse<InputStream> send(URI uri) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(limits.fetchTimeout())
                .header("User-Agent", limits.userAgent()).header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .header("Accept-Encoding", "gzip").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new FetchException("timeout", "timed out fetching " + uri, e);
        } catch (IOException e) {
            throw new FetchException("unreachable", "cannot fetch " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted", "interrupted", e);
        } catch (RuntimeException e) {
            throw new FetchException("bad-url", "cannot fetch " + uri + ": " + e.getMessage(), e);
        }
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

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.skipNBytes(0);
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
