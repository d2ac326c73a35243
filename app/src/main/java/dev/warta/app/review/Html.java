package dev.warta.app.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Escaping for the review pages: every string from an article, a dead letter or a request is hostile input. */
final class Html {
    private Html() {}

    /** {@code s} as HTML text or a quoted attribute value, e.g. {@code esc("<b>")} is {@code &lt;b&gt;}; null is "". */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code s} as a query-string value. */
    static String url(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    /** A link target only for http(s) URLs; anything else (javascript:, data:) is shown as text, never linked. */
    static boolean linkable(String url) {
        if (url == null) {
            return false;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http://") || u.startsWith("https://");
    }

    static String score(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
