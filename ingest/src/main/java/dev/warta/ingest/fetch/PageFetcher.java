package dev.warta.ingest.fetch;

/** Fetches a page by URL. Implementations must be thread-safe. */
public interface PageFetcher {

    /** A fetched page: bytes (decompressed, bounded), the Content-Type header and the final URL after redirects. */
    record Page(byte[] body, String contentType, String finalUrl, int status) {}

    /**
     * Fetches {@code url}.
     *
     * @throws FetchException with a short reason when the page cannot be had (timeout, status, too large, ...)
     */
    Page fetch(String url) throws FetchException;

    /** A fetcher that never fetches (offline runs, tests): every call fails with reason {@code fetch-disabled}. */
    static PageFetcher disabled() {
        return url -> {
            throw new FetchException("fetch-disabled", "page fetching is disabled");
        };
    }

    /** Why a page could not be fetched. */
    final class FetchException extends Exception {
        private final String reason;

        public FetchException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public FetchException(String reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        /** Short machine-friendly reason, e.g. {@code timeout}, {@code http-404}, {@code too-large}. */
        public String reason() {
            return reason;
        }
    }
}
