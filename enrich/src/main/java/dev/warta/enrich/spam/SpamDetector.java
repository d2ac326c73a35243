package dev.warta.enrich.spam;

import java.util.List;

/** Finds, cuts and explains injected spam per paragraph. Thread-safe; load once, share. (Stub: being built.) */
public final class SpamDetector {

    /** Loads the shipped model from the classpath. */
    public static SpamDetector load() {
        return new SpamDetector();
    }

    /** Judges each paragraph; {@code html} is the raw page when there is one (link density, hidden blocks), else null. */
    public SpamResult analyze(List<String> paragraphs, String html) {
        return new SpamResult(false, 0.0, false, List.of(), List.copyOf(paragraphs));
    }
}
