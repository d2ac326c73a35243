package dev.warta.ingest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stable article ids. An article with a URL is identified by its normalized URL ({@link #normalizeUrl}): scheme and
 * host lower-cased, default port and fragment dropped, tracking parameters removed, remaining parameters sorted. An
 * article without a URL is identified by a hash of its normalized title and text ({@link #contentId}).
 *
 * <p>{@code ArticleIds.urlId("https://Example.com:443/a?utm_source=x&b=2&a=1#top")} equals
 * {@code ArticleIds.urlId("https://example.com/a?a=1&b=2")}. Stateless and thread-safe.
 */
public final class ArticleIds {
    /** Length in hex characters of an article id (128 bits of SHA-256). */
    public static final int ID_LENGTH = 32;

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "mc_cid",
            "mc_eid",
            "ref_src",
            "ref_url",
            "igshid",
            "yclid",
            "_ga",
            "_gl",
            "spm",
            "cmpid",
            "ocid",
            "__twitter_impression",
            "mkt_tok",
            "s_cid",
            "icid");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ArticleIds() {}

    /**
     * The normalized form of {@code url}, or {@code null} when it is not an absolute http(s) URL.
     * {@code normalizeUrl("HTTP://Tempo.CO:80/a/?b=1&utm_medium=rss&a=2#x")} is {@code "http://tempo.co/a/?a=2&b=1"}.
     */
    public static String normalizeUrl(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.strip();
        if (trimmed.isEmpty() || trimmed.length() > 8192) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(trimmed.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme();
        String host = uri.getHost();
        if (scheme == null || host == null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        out.append(scheme).append("://").append(host);
        if (!defaultPort) {
            out.append(':').append(port);
        }
        out.append(path);
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            List<String> kept = new ArrayList<>();
            for (String param : query.split("&")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
                if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                    kept.add(param);
                }
            }
            if (!kept.isEmpty()) {
                kept.sort(null);
                out.append('?').append(String.join("&", kept));
            }
        }
        return out.toString();
    }

    /** Id of an article known by {@code url}, or {@code null} when the URL is not usable (see {@link #normalizeUrl}). */
    public static String urlId(String url) {
        String normalized = normalizeUrl(url);
        return normalized == null ? null : idOfNormalized(normalized);
    }

    /** Id of an already normalized URL. */
    public static String idOfNormalized(String normalizedUrl) {
        return sha256Hex(normalizedUrl).substring(0, ID_LENGTH);
    }

    /**
     * Id of an article without URL: hash of its title and text with whitespace collapsed and case folded, so that a
     * re-saved copy with different line endings gets the same id.
     */
    public static String contentId(String title, String text) {
        StringBuilder sb =
                new StringBuilder((title == null ? 0 : title.length()) + (text == null ? 0 : text.length()) + 1);
        appendNormalized(sb, title);
        sb.append('\n');
        appendNormalized(sb, text);
        return "c" + sha256Hex(sb.toString()).substring(0, ID_LENGTH - 1);
    }

    private static void appendNormalized(StringBuilder sb, String s) {
        if (s == null) {
            return;
        }
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ws = c < 128
                    ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)
                    : c == '\u00a0' || Character.isWhitespace(c);
            if (ws) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c));
            }
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
    public static String sha256Hex(String s) {
        return sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256Hex(byte[] bytes) {
        byte[] digest = sha256().digest(bytes);
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
