package dev.warta.ingest;

import dev.warta.ingest.fetch.FetchPolicy;
import java.time.Duration;

/**
 * Size and time limits applied to every input.
 *
 * @param maxPageBytes     largest page or record body accepted (bytes, after decompression); default 10 MB
 * @param maxFileBytes     largest input file read as a whole (JSONL / WARC files are streamed and not bound by it)
 * @param maxLineBytes     largest JSONL line; longer lines become dead letters
 * @param fetchTimeout     connect and read timeout of page fetches
 * @param maxRetryAfter    longest Retry-After a fetch will honour before giving up
 * @param userAgent        User-Agent of page fetches
 * @param fetchPolicy      which addresses page and feed fetches may reach (default: public ones only)
 */
public record IngestLimits(
        long maxPageBytes,
        long maxFileBytes,
        int maxLineBytes,
        Duration fetchTimeout,
        Duration maxRetryAfter,
        String userAgent,
        FetchPolicy fetchPolicy) {
    /** 10 MB, the default page size limit. */
    public static final long DEFAULT_MAX_PAGE_BYTES = 10L * 1024 * 1024;

    public IngestLimits {
        if (maxPageBytes <= 0 || maxFileBytes <= 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The defaults: 10 MB pages, 10 MB files, 10 MB lines, 10 s fetch timeout, 60 s max Retry-After, fetches to
     * public addresses only.
     */
    public static IngestLimits defaults() {
        return new IngestLimits(
                DEFAULT_MAX_PAGE_BYTES,
                DEFAULT_MAX_PAGE_BYTES,
                (int) DEFAULT_MAX_PAGE_BYTES,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                "warta-ingest/0.1 (+https://warta.dev/bot)",
                FetchPolicy.publicOnly());
    }

    /** A copy with another page (and file and line) size limit. */
    public IngestLimits withMaxPageBytes(long bytes) {
        return new IngestLimits(
                bytes,
                bytes,
                (int) Math.min(Integer.MAX_VALUE - 16, bytes),
                fetchTimeout,
                maxRetryAfter,
                userAgent,
                fetchPolicy);
    }

    /** A copy with another fetch timeout. */
    public IngestLimits withFetchTimeout(Duration timeout) {
        return new IngestLimits(
                maxPageBytes, maxFileBytes, maxLineBytes, timeout, maxRetryAfter, userAgent, fetchPolicy);
    }

    /** A copy with another fetch policy. */
    public IngestLimits withFetchPolicy(FetchPolicy policy) {
        return new IngestLimits(
                maxPageBytes, maxFileBytes, maxLineBytes, fetchTimeout, maxRetryAfter, userAgent, policy);
    }
}
