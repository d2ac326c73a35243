package dev.warta.enrich.extract;

import java.util.List;

/** Main-text extraction from HTML. Thread-safe; build once, share. (Stub: being built.) */
public final class HtmlExtractor {

    /** Extracts title, main text, date, authors, site name, canonical URL and language hint from {@code html}. */
    public Extracted extract(String html, String baseUrl) {
        String text = org.jsoup.Jsoup.parse(html == null ? "" : html).text();
        return new Extracted(null, text, null, null, List.of(), null, null, null);
    }
}
