package dev.warta.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.RemovedText;
import dev.warta.schemas.SpamSegment;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link EnrichedArticle} as the JSON object of {@code warta analyze} (DESIGN.md): {@code source, id, url,
 * title, text, publishedAt, authors, language{code,confidence}, spam{flagged,score,segments[{category,text}]},
 * entities[{text,type,start,end,canonical}]}, followed by extras ({@code wholePage}, segment {@code score} and
 * {@code reasons}, entity {@code wikidataId}, {@code boilerplate[{text,reason}]} (what the cleaner removed),
 * {@code siteName}, {@code duplicateOf}, {@code similarity},
 * {@code filterReason}, {@code enrichmentVersion}, {@code fetchedAt}, {@code enrichedAt}). Stateless, thread-safe.
 *
 * <pre>{@code
 * System.out.println(ArticleJson.json(article));   // one line of JSON
 * System.out.println(ArticleJson.line(article));   // one line for humans
 * }</pre>
 */
public final class ArticleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int TOP_ENTITIES = 3;
    private static final int TITLE_MAX = 100;

    private ArticleJson() {}

    /** The article as one line of JSON; {@code source} is the record's provenance (else its source). */
    public static String json(EnrichedArticle a) {
        return json(a, null);
    }

    /** The article as one line of JSON with {@code source} set to {@code source} (when not null). */
    public static String json(EnrichedArticle a, String source) {
        try {
            return MAPPER.writeValueAsString(node(a, source));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article as a Jackson tree (see the class comment for its fields). */
    public static ObjectNode node(EnrichedArticle a, String source) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", source != null ? source : nonBlank(a.getProvenance()) ? a.getProvenance() : a.getSource());
        o.put("id", a.getId());
        o.put("url", a.getUrl());
        o.put("title", a.getTitle());
        o.put("text", a.getText());
        o.put("publishedAt", a.getPublishedAt());
        ArrayNode authors = o.putArray("authors");
        a.getAuthors().forEach(authors::add);
        ObjectNode lang = o.putObject("language");
        lang.put("code", a.getLanguage() == null ? "und" : a.getLanguage().getCode());
        lang.put("confidence", a.getLanguage() == null ? 0.0 : a.getLanguage().getConfidence());
        ObjectNode spam = o.putObject("spam");
        boolean flagged = a.getSpam() != null && a.getSpam().getFlagged();
        spam.put("flagged", flagged);
        spam.put("score", a.getSpam() == null ? 0.0 : a.getSpam().getScore());
        ArrayNode segments = spam.putArray("segments");
        if (a.getSpam() != null) {
            spam.put("wholePage", a.getSpam().getWholePage());
            for (SpamSegment s : a.getSpam().getSegments()) {
                ObjectNode seg = segments.addObject();
                seg.put("category", s.getCategory());
                seg.put("text", s.getText());
                seg.put("score", s.getScore());
                ArrayNode reasons = seg.putArray("reasons");
                s.getReasons().forEach(reasons::add);
            }
        }
        ArrayNode entities = o.putArray("entities");
        for (Entity e : a.getEntities()) {
            ObjectNode en = entities.addObject();
            en.put("text", e.getText());
            en.put("type", e.getType());
            en.put("start", e.getStart());
            en.put("end", e.getEnd());
            en.put("canonical", e.getCanonical());
            if (e.getWikidataId() != null) {
                en.put("wikidataId", e.getWikidataId());
            }
        }
        ArrayNode boilerplate = o.putArray("boilerplate");
        for (RemovedText r : a.getBoilerplate()) {
            boilerplate.addObject().put("text", r.getText()).put("reason", r.getReason());
        }
        o.put("siteName", a.getSiteName());
        o.put("duplicateOf", a.getDuplicateOf());
        o.put("similarity", a.getSimilarity());
        o.put("filterReason", a.getFilterReason());
        o.put("enrichmentVersion", a.getEnrichmentVersion());
        o.put("fetchedAt", a.getFetchedAt() == null ? null : a.getFetchedAt().toString());
        o.put("enrichedAt", a.getEnrichedAt() == null ? null : a.getEnrichedAt().toString());
        return o;
    }

    /**
     * A one-line human summary: {@code id  [lang 0.97] [SPAM] [dup of X 0.93] title — entities: A (PERSON), ...}
     * with the most mentioned entities first. Never contains a line break.
     */
    public static String line(EnrichedArticle a) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(a.getId()).append("  [");
        String code = a.getLanguage() == null ? "und" : a.getLanguage().getCode();
        double conf = a.getLanguage() == null ? 0.0 : a.getLanguage().getConfidence();
        sb.append(code)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.2f", conf))
                .append(']');
        if (a.getSpam() != null && a.getSpam().getFlagged()) {
            sb.append(a.getSpam().getWholePage() ? " [SPAM PAGE]" : " [SPAM CUT]");
        }
        if (a.getDuplicateOf() != null) {
            sb.append(" [dup of ").append(a.getDuplicateOf());
            if (a.getSimilarity() != null) {
                sb.append(String.format(Locale.ROOT, " %.2f", a.getSimilarity()));
            }
            sb.append(']');
        }
        if (a.getFilterReason() != null) {
            sb.append(" [filtered: ").append(a.getFilterReason()).append(']');
        }
        String title = a.getTitle() == null || a.getTitle().isBlank()
                ? "(untitled)"
                : a.getTitle().strip();
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX - 1) + "…";
        }
        sb.append(' ').append(title);
        List<String> top = topEntities(a.getEntities());
        if (!top.isEmpty()) {
            sb.append(" — ").append(String.join(", ", top));
        }
        return sb.toString().replaceAll("[\\r\\n\\t]+", " ");
    }

    private static List<String> topEntities(List<Entity> entities) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Entity e : entities) {
            String name = nonBlank(e.getCanonical()) ? e.getCanonical() : e.getText();
            counts.computeIfAbsent(name, k -> new int[1])[0]++;
            types.putIfAbsent(name, e.getType());
        }
        List<Map.Entry<String, int[]>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((x, y) -> Integer.compare(y.getValue()[0], x.getValue()[0])); // stable: first mention breaks ties
        List<String> out = new ArrayList<>(TOP_ENTITIES);
        for (Map.Entry<String, int[]> e : sorted.subList(0, Math.min(TOP_ENTITIES, sorted.size()))) {
            out.add(e.getKey() + " (" + types.get(e.getKey()) + ")");
        }
        return out;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
