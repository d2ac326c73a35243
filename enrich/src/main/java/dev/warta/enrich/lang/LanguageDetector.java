package dev.warta.enrich.lang;

import java.util.ArrayList;
import java.util.List;

/** Language identification. Thread-safe; load once, share. (Stub: being built.) */
public final class LanguageDetector {

    /** Loads the shipped model from the classpath. */
    public static LanguageDetector load() {
        return new LanguageDetector();
    }

    /** Language of a line or paragraph. */
    public LanguageResult detect(CharSequence text) {
        return LanguageResult.UNKNOWN;
    }

    /**
     * Language of a document and of each paragraph; {@code hint} (html lang, feed language, may be null) and the
     * document as a whole act as a prior for short paragraphs.
     */
    public DocumentLanguage detectDocument(List<String> paragraphs, String hint) {
        List<LanguageResult> each = new ArrayList<>();
        for (String p : paragraphs) {
            each.add(detect(p));
        }
        return new DocumentLanguage(detect(String.join("\n", paragraphs)), each);
    }
}
