package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.EnrichedArticle;
import org.junit.jupiter.api.Test;

class TailFilterTest {
    private final EnrichedArticle clean = Articles.article("a", Articles.FLOOD);
    private final EnrichedArticle spam = Articles.article("b", Articles.MARKET, "en", true);

    @Test
    void shouldAcceptEverythingWithoutConditions() {
        assertThat(TailFilter.ALL.test(clean)).isTrue();
        assertThat(TailFilter.ALL.test(spam)).isTrue();
        assertThat(TailFilter.ALL.test(null)).isFalse();
    }

    @Test
    void shouldFilterByLanguageIgnoringCase() {
        TailFilter f = new TailFilter("ID", null, null);
        assertThat(f.test(clean)).isTrue();
        assertThat(f.test(spam)).isFalse();
    }

    @Test
    void shouldFilterByCanonicalOrSurfaceEntityName() {
        assertThat(new TailFilter(null, "kota bandung", null).test(clean)).isTrue();
        assertThat(new TailFilter(null, "Bandung", null).test(clean)).isTrue();
        assertThat(new TailFilter(null, "Surabaya", null).test(clean)).isFalse();
    }

    @Test
    void shouldFilterBySpamFlag() {
        assertThat(new TailFilter(null, null, TailFilter.Spam.NO_SPAM).test(spam))
                .isFalse();
        assertThat(new TailFilter(null, null, TailFilter.Spam.NO_SPAM).test(clean))
                .isTrue();
        assertThat(new TailFilter(null, null, TailFilter.Spam.SPAM).test(spam)).isTrue();
        assertThat(new TailFilter(null, null, TailFilter.Spam.SPAM).test(clean)).isFalse();
    }
}
