package dev.warta.ingest.source;

import dev.warta.ingest.ArticleIds;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.RawArticle;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds {@link RawArticle} and {@link DeadLetter} records the same way for every source: id from the canonical URL
 * (else from title + text), content hash of the body, provenance. Uses the all-args constructors (the Avro builders
 * deep-copy defaults on every call, too slow for bulk loads).
 */
public final class Records {
    /** Stage name written on ingest dead letters. */
    public static final String STAGE = "ingest";
    /** Bytes of the failed input kept in a dead letter. */
    public static final int PAYLOAD_HEAD = 1024;

    private Records() {}

    /** A mutable draft of an article; {@link #build()} computes id and hash. Not thread-safe (one per article). */
    public static final class Draft {
        String url;
        String sourceType;
        String source;
        String provenance;
        Instant fetchedAt = Instant.now();
        String contentType = "text/html";
        String charset;
        String body = "";
        String title;
        String publishedAt;
        String languageHint;
        String contentOrigin = "page";
        String fetchError;
        String idText;
        final Map<String, String> metadata = new HashMap<>();

        public Draft(String sourceType, String source, String provenance) {
            this.sourceType = sourceType;
            this.source = source;
            this.provenance = provenance;
        }

        public Draft url(String url) {
            this.url = url;
            return this;
        }

        public Draft fetchedAt(Instant at) {
            this.fetchedAt = at;
            return this;
        }

        public Draft contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Draft charset(String charset) {
            this.charset = charset;
            return this;
        }

        public Draft body(String body) {
            this.body = body == null ? "" : body;
            return this;
        }

        public Draft title(String title) {
            this.title = blankToNull(title);
            return this;
        }

        public Draft publishedAt(String at) {
            this.publishedAt = blankToNull(at);
            return this;
        }

        public Draft languageHint(String lang) {
            this.languageHint = blankToNull(lang);
            return this;
        }

        public Draft fromFeed(String fetchError) {
            this.contentOrigin = "feed";
            this.fetchError = fetchError;
            return this;
        }
        /** Text the content id is computed from when there is no URL (default: the body). */
        public Draft idText(String text) {
            this.idText = text;
            return this;
        }

        public Draft meta(String key, String value) {
            if (key != null && value != null) {
                metadata.put(key, value);
            }
            return this;
        }

        /** The record: id from the normalized URL when usable, else from title + text. */
        public RawArticle build() {
            String normalized = ArticleIds.normalizeUrl(url);
            String id = normalized != null
                    ? ArticleIds.idOfNormalized(normalized)
                    : ArticleIds.contentId(title, idText != null ? idText : body);
            String original = url == null ? null : url.strip();
            return new RawArticle(
                    id,
                    normalized,
                    original == null || original.isEmpty() ? null : original,
                    sourceType,
                    source,
                    provenance,
                    fetchedAt,
                    contentType,
                    charset,
                    body,
                    title,
                    publishedAt,
                    languageHint,
                    contentOrigin,
                    fetchError,
                    ArticleIds.sha256Hex(body),
                    metadata);
        }
    }

    /** A dead letter of stage ingest. {@code payload} may be null; only its first KiB is kept. */
    public static DeadLetter deadLetter(
            String reason,
            String message,
            Throwable error,
            String source,
            String provenance,
            byte[] payload,
            long payloadSize) {
        byte[] head = payload == null
                ? new byte[0]
                : java.util.Arrays.copyOf(payload, (int) Math.min(PAYLOAD_HEAD, payload.length));
        String msg = message == null ? reason : message;
        if (msg.length() > 2000) {
            msg = msg.substring(0, 2000);
        }
        return new DeadLetter(
                STAGE,
                reason,
                msg,
                error == null ? null : error.getClass().getName(),
                source,
                provenance,
                null,
                null,
                null,
                null,
                ByteBuffer.wrap(head),
                Math.max(payloadSize, payload == null ? 0 : payload.length),
                Instant.now(),
                null);
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
