package dev.warta.app.metrics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** The little JSON writing metrics and bench need. */
public final class Json {
    private Json() {}

    /** {@code s} escaped for use inside a JSON string (empty for null). */
    public static String escape(String s) {
        return s == null ? "" : new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
