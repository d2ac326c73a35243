package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.common.json.ArticleJson;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private static EnrichedArticle withEntities() {
        return EnrichedArticle.newBuilder(Articles.article("a1", Articles.FLOOD))
                .setEntities(List.of(
                        new Entity("Bandung", "LOCATION", 0, 7, "Kota Bandung", "Q10389"),
                        new Entity("Farhan", "PERSON", 20, 26, "Muhammad Farhan", null),
                        new Entity("Kota Bandung", "LOCATION", 40, 52, "Kota Bandung", "Q10389")))
                .build();
    }

    @Test
    void shouldWriteTheAnalyzeShapeInContractOrder() throws Exception {
        JsonNode o = mapper.readTree(ArticleJson.json(withEntities()));
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertThat(names)
                .startsWith(
                        "source",
                        "id",
                        "url",
                        "title",
                        "text",
                        "publishedAt",
                        "authors",
                        "language",
                        "spam",
                        "entities");
        assertThat(names).contains("duplicateOf", "enrichmentVersion");
        assertThat(o.get("source").asText()).isEqualTo("test#a1");
        assertThat(o.get("language").get("code").asText()).isEqualTo("id");
        assertThat(o.get("language").get("confidence").asDouble()).isEqualTo(0.97);
        assertThat(o.get("spam").get("flagged").asBoolean()).isFalse();
        assertThat(o.get("spam").get("segments").isArray()).isTrue();
        JsonNode e = o.get("entities").get(1);
        assertThat(e.get("text").asText()).isEqualTo("Farhan");
        assertThat(e.get("type").asText()).isEqualTo("PERSON");
        assertThat(e.get("start").asInt()).isEqualTo(20);
        assertThat(e.get("end").asInt()).isEqualTo(26);
        assertThat(e.get("canonical").asText()).isEqualTo("Muhammad Farhan");
        assertThat(o.get("text").asText()).isEqualTo(Articles.FLOOD);
    }

    @Test
    void shouldWriteNullPublishedAtAndUseGivenSource() throws Exception {
        EnrichedArticle a = EnrichedArticle.newBuilder(Articles.article("a2", "Teks singkat."))
                .setPublishedAt(null)
                .build();
        JsonNode o = mapper.readTree(ArticleJson.json(a, "inbox/feed.jsonl#3"));
        assertThat(o.get("publishedAt").isNull()).isTrue();
        assertThat(o.get("source").asText()).isEqualTo("inbox/feed.jsonl#3");
        assertThat(ArticleJson.json(a)).doesNotContain("\n");
    }

    @Test
    void shouldIncludeSpamSegmentsWithCategoryAndText() throws Exception {
        JsonNode o = mapper.readTree(ArticleJson.json(Articles.article("s", Articles.MARKET, "id", true)));
        JsonNode seg = o.get("spam").get("segments").get(0);
        assertThat(seg.get("category").asText()).isEqualTo("gambling");
        assertThat(seg.get("text").asText()).isEqualTo("daftar slot gacor");
        assertThat(o.get("spam").get("flagged").asBoolean()).isTrue();
    }

    @Test
    void shouldSummarizeInOneLineWithMostMentionedEntitiesFirst() {
        EnrichedArticle a = EnrichedArticle.newBuilder(withEntities())
                .setTitle("Banjir\nmerendam Bandung")
                .setDuplicateOf("a0")
                .setSimilarity(0.91)
                .build();
        String line = ArticleJson.line(a);
        assertThat(line).doesNotContain("\n").startsWith("a1  [id 0.97]");
        assertThat(line).contains("[dup of a0 0.91]", "Banjir merendam Bandung");
        assertThat(line.indexOf("Kota Bandung (LOCATION)")).isLessThan(line.indexOf("Muhammad Farhan (PERSON)"));
    }
}
