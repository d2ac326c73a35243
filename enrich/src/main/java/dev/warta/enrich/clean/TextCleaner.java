package dev.warta.enrich.clean;

import java.util.List;

/** Boilerplate removal on page text (seed-style pages and extracted HTML). Thread-safe. (Stub: being built.) */
public final class TextCleaner {

    /** Removes what is not the article from {@code text}; {@code title} may be null. */
    public Cleaned clean(String title, String text) {
        return new Cleaned(text == null ? "" : text.strip(), List.of(), null, null);
    }
}
