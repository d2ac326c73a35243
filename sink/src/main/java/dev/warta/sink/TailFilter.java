package dev.warta.sink;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which articles {@code warta tail} prints: by document language, by entity (canonical name or surface form,
 * ignoring case and punctuation) and by spam flag. Null / {@link Spam#ANY} means no condition. Immutable.
 *
 * <pre>{@code
 * TailFilter f = new TailFilter("id", "Joko Widodo", TailFilter.Spam.NO_SPAM);
 * if (f.test(article)) { ... }
 * }</pre>
 */
public record TailFilter(String language, String entity, Spam spam) implements Predicate<EnrichedArticle> {

    /** Spam condition. */
    public enum Spam {
        ANY,
        SPAM,
        NO_SPAM
    }

    /** Accepts everything. */
    public static final TailFilter ALL = new TailFilter(null, null, Spam.ANY);

    public TailFilter {
        language =
                language == null || language.isBlank() ? null : language.strip().toLowerCase(Locale.ROOT);
        entity = entity == null || entity.isBlank() ? null : Fingerprinter.normalize(entity);
        spam = spam == null ? Spam.ANY : spam;
    }

    @Override
    public boolean test(EnrichedArticle a) {
        if (a == null) {
            return false;
        }
        if (language != null
                && (a.getLanguage() == null
                        || !language.equalsIgnoreCase(a.getLanguage().getCode()))) {
            return false;
        }
        boolean flagged = a.getSpam() != null && a.getSpam().getFlagged();
        if (spam == Spam.SPAM && !flagged || spam == Spam.NO_SPAM && flagged) {
            return false;
        }
        if (entity != null) {
            for (Entity e : a.getEntities()) {
                if (entity.equals(Fingerprinter.normalize(e.getCanonical()))
                        || entity.equals(Fingerprinter.normalize(e.getText()))) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
