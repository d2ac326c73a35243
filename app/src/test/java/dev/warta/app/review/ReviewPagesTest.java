package dev.warta.app.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.Language;
import dev.warta.schemas.Segment;
import dev.warta.schemas.Spam;
import dev.warta.schemas.SpamSegment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewPagesTest {
    static final String TEXT =
            "Gubernur Budi Santoso meresmikan jembatan di Samarinda.\n\nThe bridge opened on Monday.";

    static EnrichedArticle article(String id, String title, String lang, boolean spam, String duplicateOf) {
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setTitle(title)
                .setSourceType("text")
                .setSource("test")
                .setProvenance("test#1")
                .setFetchedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setEnrichedAt(Instant.parse("2026-01-01T00:00:01Z"))
                .setEnrichmentVersion("v-test")
                .setText(TEXT)
                .setLanguage(new Language(lang, 0.97))
                .setSegments(List.of(
                        new Segment(0, 55, new Language("id", 0.99)), new Segment(57, 85, new Language("en", 0.95))))
                .setSpam(new Spam(
                        spam,
                        spam ? 0.93 : 0.02,
                        false,
                        spam
                                ? List.of(new SpamSegment(
                                        "gambling",
                                        0.98,
                                        "Situs slot gacor <b>maxwin</b> hari ini",
                                        List.of("slot", "gacor")))
                                : List.of()))
                .setEntities(List.of(
                        Entity.newBuilder()
                                .setText("Budi Santoso")
                                .setType("PERSON")
                                .setStart(9)
                                .setEnd(21)
                                .setCanonical("Budi Santoso")
                                .build(),
                        Entity.newBuilder()
                                .setText("Samarinda")
                                .setType("LOCATION")
                                .setStart(45)
                                .setEnd(54)
                                .setCanonical("Kota Samarinda")
                                .build()))
                .setDuplicateOf(duplicateOf)
                .setSimilarity(duplicateOf == null ? null : 0.91)
                .setTextHash("h-" + id)
                .build();
    }

    static ReviewModel.Summary summary(EnrichedArticle a, long timestamp) {
        return ReviewModel.Summary.of(a, new ReviewModel.Location("news.clean", 0, timestamp), timestamp);
    }

    @Test
    void shouldEscapeAHostileTitleAndTextInTheListAndTheArticleView() {
        EnrichedArticle hostile = EnrichedArticle.newBuilder(
                        article("x\"><script>1</script>", "<script>alert('t')</script>", "en", false, null))
                .setText("<img src=x onerror=alert(1)> teks")
                .setSegments(List.of())
                .setEntities(List.of())
                .setUrl("javascript:alert(2)")
                .build();
        ReviewModel model = new ReviewModel();
        model.putClean(summary(hostile, 1));

        String list = ReviewPages.list(model, ReviewModel.Query.ALL);
        String view = ReviewPages.article(model.find(hostile.getId()), hostile);

        for (String html : List.of(list, view)) {
            assertThat(html).doesNotContain("<script>alert", "<script>1", "<img src=x", "href=\"javascript:");
        }
        assertThat(list).contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;");
        assertThat(view).contains("&lt;img src=x onerror=alert(1)&gt; teks", "javascript:alert(2)");
    }

    @Test
    void shouldMarkEntitiesWithTypeAndCanonicalNameAndShowParagraphLanguagesAndCutSpam() {
        EnrichedArticle a = article("a1", "Jembatan", "id", true, null);
        String view = ReviewPages.article(summary(a, 1), a);

        assertThat(view)
                .contains("<mark class=\"ent ent-PERSON\" data-type=\"PERSON\" data-canonical=\"Budi Santoso\"");
        assertThat(view).contains(">Samarinda<small class=\"etype\">LOC → Kota Samarinda</small></mark>");
        assertThat(view).contains("<p class=\"para\" data-lang=\"id\">", "<p class=\"para\" data-lang=\"en\">");
        assertThat(view)
                .contains(
                        "<div class=\"tag\">gambling · score 0.98</div><del>Situs slot gacor &lt;b&gt;maxwin&lt;/b&gt; hari ini</del>");
        assertThat(view).contains("slot, gacor");
    }

    @Test
    void shouldIgnoreEntityAndSegmentOffsetsThatDoNotFitTheText() {
        EnrichedArticle broken = EnrichedArticle.newBuilder(article("b1", "Rusak", "id", false, null))
                .setSegments(List.of(new Segment(0, 999, new Language("id", 0.9))))
                .setEntities(List.of(
                        Entity.newBuilder()
                                .setText("X")
                                .setType("PERSON")
                                .setStart(80)
                                .setEnd(500)
                                .setCanonical("X")
                                .build(),
                        Entity.newBuilder()
                                .setText("Y")
                                .setType("PERSON")
                                .setStart(5)
                                .setEnd(2)
                                .setCanonical("Y")
                                .build()))
                .build();

        String text = ReviewPages.text(broken);

        assertThat(text).doesNotContain("<mark").contains("Gubernur Budi Santoso", "The bridge opened on Monday.");
    }

    @Test
    void shouldRenderBoilerplateOnlyWhenTheSchemaHasTheField() {
        EnrichedArticle a = article("c1", "T", "id", false, null);
        if (a.getSchema().getField("boilerplate") == null) {
            assertThat(ReviewPages.boilerplate(a)).isNull();
            assertThat(ReviewPages.article(summary(a, 1), a)).doesNotContain("Removed boilerplate");
        } else {
            assertThat(ReviewPages.boilerplate(a)).isNotNull();
        }
    }

    @Test
    void shouldFilterTheListByLanguageEntitySpamDuplicateAndCanonicalNameSearch() {
        ReviewModel model = new ReviewModel();
        model.putClean(summary(article("old", "Old", "id", false, null), 1));
        model.putClean(summary(article("new", "New", "en", true, null), 2));
        model.putClean(summary(
                EnrichedArticle.newBuilder(article("dup", "Dup", "id", false, "old"))
                        .setEntities(List.of())
                        .build(),
                3));

        assertThat(ids(model, ReviewModel.Query.ALL)).containsExactly("dup", "new", "old");
        assertThat(ids(model, new ReviewModel.Query("en", null, null, null, null)))
                .containsExactly("new");
        assertThat(ids(model, new ReviewModel.Query(null, null, null, true, null)))
                .containsExactly("new");
        assertThat(ids(model, new ReviewModel.Query(null, null, null, null, true)))
                .containsExactly("dup");
        assertThat(ids(model, new ReviewModel.Query(null, "kota samarinda", null, null, null)))
                .containsExactly("new", "old");
        assertThat(ids(model, new ReviewModel.Query(null, "Samarinda", null, null, null)))
                .isEmpty();
        assertThat(ids(model, new ReviewModel.Query(null, null, "marind", false, null)))
                .containsExactly("old");
        assertThat(ReviewPages.list(model, ReviewModel.Query.ALL))
                .contains("<a class=\"dupmark\" href=\"/article?id=old\">dup 0.91</a>");
    }

    @Test
    void shouldListTheMostMentionedEntitiesFirst() {
        EnrichedArticle a = EnrichedArticle.newBuilder(article("e", "E", "id", false, null))
                .setEntities(List.of(
                        Entity.newBuilder()
                                .setText("A")
                                .setType("PERSON")
                                .setStart(0)
                                .setEnd(1)
                                .setCanonical("A")
                                .build(),
                        Entity.newBuilder()
                                .setText("B")
                                .setType("LOCATION")
                                .setStart(2)
                                .setEnd(3)
                                .setCanonical("B")
                                .build(),
                        Entity.newBuilder()
                                .setText("B")
                                .setType("LOCATION")
                                .setStart(4)
                                .setEnd(5)
                                .setCanonical("B")
                                .build()))
                .build();

        assertThat(ReviewModel.Summary.of(a, new ReviewModel.Location("t", 0, 0), 0)
                        .topEntities())
                .containsExactly(
                        new ReviewModel.EntityCount("B", "LOCATION", 2), new ReviewModel.EntityCount("A", "PERSON", 1));
    }

    private static List<String> ids(ReviewModel model, ReviewModel.Query q) {
        return model.articles(q).stream().map(ReviewModel.Summary::id).toList();
    }
}
