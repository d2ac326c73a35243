package dev.warta.app.review;

import static dev.warta.app.review.Html.esc;
import static dev.warta.app.review.Html.score;
import static dev.warta.app.review.Html.url;

import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.Segment;
import dev.warta.schemas.SpamSegment;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The review pages as server-rendered HTML: the article list, one article, the accounting and the dead letters.
 * Pure functions of the {@link ReviewModel} (and the article read back from Kafka); every text is escaped.
 */
final class ReviewPages {
    private ReviewPages() {}

    private static String page(String title, String body) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · warta review</title>"
                + "<link rel=\"stylesheet\" href=\"/static/review.css\"><script src=\"/static/review.js\" defer></script>"
                + "</head><body><header><a class=\"brand\" href=\"/\">warta review</a><nav>"
                + "<a href=\"/\">Articles</a><a href=\"/accounting\">Accounting</a><a href=\"/dead-letters\">Dead letters</a>"
                + "</nav></header><main>" + body + "</main></body></html>\n";
    }

    /** The live list of clean articles with its filters. */
    static String list(ReviewModel model, ReviewModel.Query q) {
        long version = model.version();
        ReviewModel.Accounting acc = model.accounting();
        List<ReviewModel.Summary> shown = model.articles(q);
        StringBuilder b = new StringBuilder();
        b.append("<form class=\"filters\" method=\"get\" action=\"/\">");
        b.append("<label>Language <select name=\"lang\"><option value=\"\">any</option>");
        for (String lang : model.languages()) {
            b.append("<option value=\"")
                    .append(esc(lang))
                    .append('"')
                    .append(lang.equalsIgnoreCase(nz(q.language())) ? " selected" : "")
                    .append('>')
                    .append(esc(lang))
                    .append("</option>");
        }
        b.append("</select></label>");
        b.append(choice("spam", "Spam", q.spam(), "flagged", "not flagged"));
        b.append(choice("dup", "Duplicate", q.duplicate(), "near-duplicate", "original"));
        b.append("<label>Entity <input name=\"entity\" value=\"")
                .append(esc(q.entity()))
                .append("\" placeholder=\"exact canonical name\"></label>");
        b.append("<label>Search <input type=\"search\" name=\"q\" value=\"")
                .append(esc(q.search()))
                .append("\" placeholder=\"part of a canonical name\"></label>");
        b.append("<button type=\"submit\">Filter</button> <a href=\"/\">clear</a></form>");

        b.append("<div id=\"live\" data-version=\"").append(version).append("\">");
        b.append("<p class=\"glance\"><span id=\"shown\">")
                .append(shown.size())
                .append("</span> of ")
                .append(acc.clean())
                .append(" clean articles · raw ")
                .append(acc.raw())
                .append(" · filtered ")
                .append(acc.filtered())
                .append(" · dead letters ")
                .append(acc.dead())
                .append(" · <a href=\"/accounting\">accounting</a></p>");
        b.append("<table class=\"articles\"><thead><tr><th>Title</th><th>Lang</th><th>Spam</th><th>Duplicate</th>"
                + "<th>Top entities</th></tr></thead><tbody>");
        for (ReviewModel.Summary s : shown) {
            b.append("<tr class=\"article\" data-id=\"").append(esc(s.id())).append("\">");
            b.append("<td class=\"title\"><a href=\"/article?id=")
                    .append(url(s.id()))
                    .append("\">")
                    .append(esc(title(s.title(), s.id())))
                    .append("</a></td>");
            b.append("<td class=\"lang\">").append(esc(s.language())).append("</td>");
            b.append("<td class=\"spam\">")
                    .append(
                            s.spam()
                                    ? "<span class=\"flag\" title=\"" + s.cutSegments() + " segment(s) cut\">spam "
                                            + score(s.spamScore()) + "</span>"
                                    : "")
                    .append("</td>");
            b.append("<td class=\"dup\">");
            if (s.duplicate()) {
                b.append("<a class=\"dupmark\" href=\"/article?id=")
                        .append(url(s.duplicateOf()))
                        .append("\">dup")
                        .append(s.similarity() == null ? "" : " " + score(s.similarity()))
                        .append("</a>");
            }
            b.append("</td><td class=\"entities\">");
            for (ReviewModel.EntityCount e : s.topEntities()) {
                b.append(entityChip(e.canonical(), e.type(), e.mentions()));
            }
            b.append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (shown.isEmpty()) {
            b.append("<p class=\"empty\">No clean article matches (yet).</p>");
        }
        b.append("</div>");
        return page("Articles", b.toString());
    }

    private static String entityChip(String canonical, String type, int mentions) {
        return "<a class=\"chip ent-" + esc(type) + "\" href=\"/?entity=" + url(canonical) + "\" title=\"" + esc(type)
                + ", " + mentions + " mention(s)\">" + esc(canonical) + "</a> ";
    }

    private static String choice(String name, String label, Boolean value, String yes, String no) {
        return "<label>" + label + " <select name=\"" + name + "\"><option value=\"\">any</option>"
                + "<option value=\"yes\"" + (Boolean.TRUE.equals(value) ? " selected" : "") + ">" + yes + "</option>"
                + "<option value=\"no\"" + (Boolean.FALSE.equals(value) ? " selected" : "") + ">" + no + "</option>"
                + "</select></label>";
    }

    /** One article: text with entities and paragraph languages, what was cut, and its verdicts. */
    static String article(ReviewModel.Summary s, EnrichedArticle a) {
        StringBuilder b = new StringBuilder();
        b.append("<article class=\"view\" data-id=\"").append(esc(a.getId())).append("\">");
        b.append("<h1>").append(esc(title(a.getTitle(), a.getId()))).append("</h1>");
        b.append("<dl class=\"meta\">");
        meta(
                b,
                "URL",
                a.getUrl() == null
                        ? ""
                        : Html.linkable(a.getUrl())
                                ? "<a rel=\"noreferrer noopener\" href=\"" + esc(a.getUrl()) + "\">" + esc(a.getUrl())
                                        + "</a>"
                                : esc(a.getUrl()));
        meta(b, "Source", esc(a.getSource()) + " <span class=\"muted\">" + esc(a.getProvenance()) + "</span>");
        meta(b, "Published", esc(a.getPublishedAt() == null ? "unknown" : a.getPublishedAt()));
        meta(
                b,
                "Language",
                esc(a.getLanguage().getCode()) + " <span class=\"muted\">"
                        + score(a.getLanguage().getConfidence()) + "</span>");
        meta(
                b,
                "Spam",
                a.getSpam().getFlagged()
                        ? "<span class=\"flag\">flagged, score "
                                + score(a.getSpam().getScore()) + "</span>"
                                + (a.getSpam().getWholePage() ? " (whole page)" : "")
                        : "not flagged <span class=\"muted\">"
                                + score(a.getSpam().getScore()) + "</span>");
        meta(
                b,
                "Duplicate",
                a.getDuplicateOf() == null
                        ? "no"
                        : "near-duplicate of <a class=\"dupmark\" href=\"/article?id=" + url(a.getDuplicateOf()) + "\">"
                                + esc(a.getDuplicateOf()) + "</a>"
                                + (a.getSimilarity() == null
                                        ? ""
                                        : " <span class=\"muted\">similarity " + score(a.getSimilarity()) + "</span>"));
        if (a.getFilterReason() != null) {
            meta(b, "Filtered", "<span class=\"flag\">" + esc(a.getFilterReason()) + "</span>");
        }
        meta(
                b,
                "Record",
                esc(s.location().topic()) + " partition " + s.location().partition() + " offset "
                        + s.location().offset() + " <span class=\"muted\">enrichment " + esc(a.getEnrichmentVersion())
                        + "</span>");
        b.append("</dl>");

        b.append("<div class=\"columns\"><section class=\"text\"><h2>Extracted text</h2>");
        b.append(text(a));
        b.append("</section><aside>");
        List<SpamSegment> cut = a.getSpam().getSegments();
        b.append("<h2>Cut as spam (").append(cut.size()).append(")</h2>");
        for (SpamSegment seg : cut) {
            b.append("<div class=\"cut spam\"><div class=\"tag\">")
                    .append(esc(seg.getCategory()))
                    .append(" · score ")
                    .append(score(seg.getScore()))
                    .append("</div><del>")
                    .append(esc(seg.getText()))
                    .append("</del>");
            if (!seg.getReasons().isEmpty()) {
                b.append("<div class=\"reasons muted\">")
                        .append(esc(String.join(", ", seg.getReasons())))
                        .append("</div>");
            }
            b.append("</div>");
        }
        List<String[]> boilerplate = boilerplate(a);
        if (boilerplate != null) {
            b.append("<h2>Removed boilerplate (").append(boilerplate.size()).append(")</h2>");
            for (String[] removed : boilerplate) {
                b.append("<div class=\"cut boilerplate\"><div class=\"tag\">")
                        .append(esc(removed[1]))
                        .append("</div><del>")
                        .append(esc(removed[0]))
                        .append("</del></div>");
            }
        }
        b.append("<h2>Entities (")
                .append(a.getEntities().size())
                .append(")</h2><table class=\"entity-list\">"
                        + "<tr><th>Text</th><th>Type</th><th>Canonical</th></tr>");
        for (Entity e : a.getEntities()) {
            b.append("<tr><td>")
                    .append(esc(e.getText()))
                    .append("</td><td>")
                    .append(esc(e.getType()))
                    .append("</td><td><a href=\"/?entity=")
                    .append(url(e.getCanonical()))
                    .append("\">")
                    .append(esc(e.getCanonical()))
                    .append("</a>")
                    .append(
                            e.getWikidataId() == null
                                    ? ""
                                    : " <span class=\"muted\">" + esc(e.getWikidataId()) + "</span>")
                    .append("</td></tr>");
        }
        b.append("</table></aside></div></article>");
        return page(title(a.getTitle(), a.getId()), b.toString());
    }

    private static void meta(StringBuilder b, String name, String html) {
        b.append("<dt>").append(name).append("</dt><dd>").append(html).append("</dd>");
    }

    /**
     * The text by paragraph (the language segments, else blank-line paragraphs), each with its language, entity
     * mentions marked. Offsets come from the record: any that do not fit the text are ignored, never trusted.
     */
    static String text(EnrichedArticle a) {
        String text = a.getText();
        List<int[]> paragraphs = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        int last = 0;
        for (Segment seg : a.getSegments()) {
            if (seg.getStart() >= last && seg.getEnd() > seg.getStart() && seg.getEnd() <= text.length()) {
                paragraphs.add(new int[] {seg.getStart(), seg.getEnd()});
                languages.add(seg.getLanguage().getCode() + " "
                        + score(seg.getLanguage().getConfidence()));
                last = seg.getEnd();
            }
        }
        if (paragraphs.isEmpty()) {
            int start = 0;
            for (String part : text.split("\n\n", -1)) {
                if (!part.isBlank()) {
                    paragraphs.add(new int[] {start, start + part.length()});
                    languages.add(null);
                }
                start += part.length() + 2;
            }
        }
        List<Entity> entities = new ArrayList<>(a.getEntities());
        entities.sort(Comparator.comparingInt(Entity::getStart));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < paragraphs.size(); i++) {
            int start = paragraphs.get(i)[0];
            int end = paragraphs.get(i)[1];
            String lang = languages.get(i);
            b.append("<p class=\"para\"")
                    .append(lang == null ? "" : " data-lang=\"" + esc(lang.split(" ")[0]) + "\"")
                    .append('>');
            if (lang != null) {
                b.append("<span class=\"plang\" title=\"language of this paragraph\">")
                        .append(esc(lang))
                        .append("</span>");
            }
            int pos = start;
            for (Entity e : entities) {
                if (e.getStart() < pos || e.getEnd() > end || e.getEnd() <= e.getStart()) {
                    continue;
                }
                b.append(esc(text.substring(pos, e.getStart())));
                b.append("<mark class=\"ent ent-")
                        .append(esc(e.getType()))
                        .append("\" data-type=\"")
                        .append(esc(e.getType()))
                        .append("\" data-canonical=\"")
                        .append(esc(e.getCanonical()))
                        .append("\" title=\"")
                        .append(esc(e.getType() + " · " + e.getCanonical()))
                        .append("\">")
                        .append(esc(text.substring(e.getStart(), e.getEnd())))
                        .append("<small class=\"etype\">")
                        .append(esc(abbreviation(e.getType())))
                        .append(
                                e.getCanonical() != null && !e.getCanonical().equals(e.getText())
                                        ? " → " + esc(e.getCanonical())
                                        : "")
                        .append("</small></mark>");
                pos = e.getEnd();
            }
            b.append(esc(text.substring(pos, end))).append("</p>");
        }
        return b.toString();
    }

    private static String abbreviation(String type) {
        return switch (type) {
            case "PERSON" -> "PER";
            case "ORGANIZATION" -> "ORG";
            case "LOCATION" -> "LOC";
            default -> type;
        };
    }

    /**
     * What the cleaner removed ({@code boilerplate}: text and reason of each block) when the record's schema has the
     * field; null when it has not (records written before it existed, or a build without it).
     */
    static List<String[]> boilerplate(EnrichedArticle a) {
        Schema.Field field = a.getSchema().getField("boilerplate");
        if (field == null || !(a.get(field.pos()) instanceof List<?> items)) {
            return null;
        }
        List<String[]> out = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof IndexedRecord r && r.getSchema().getField("text") != null) {
                Schema.Field reason = r.getSchema().getField("reason");
                out.add(new String[] {
                    String.valueOf(r.get(r.getSchema().getField("text").pos())),
                    reason == null ? "" : String.valueOf(r.get(reason.pos()))
                });
            }
        }
        return out;
    }

    /** Counts of raw, clean, filtered by reason and dead letters by stage and reason; the filtered articles. */
    static String accounting(ReviewModel model) {
        long version = model.version();
        ReviewModel.Accounting acc = model.accounting();
        StringBuilder b = new StringBuilder("<div id=\"live\" data-version=\"" + version + "\"><h1>Accounting</h1>");
        long outcomes = acc.clean() + acc.filtered() + acc.deadAfterRaw();
        b.append("<table class=\"accounting\">");
        b.append("<tr><th>raw</th><td id=\"raw\">")
                .append(acc.raw())
                .append("</td><td class=\"muted\">records in news.raw</td></tr>");
        b.append("<tr><th>clean</th><td id=\"clean\">")
                .append(acc.clean())
                .append("</td><td class=\"muted\">articles in news.clean</td></tr>");
        b.append("<tr><th>filtered</th><td id=\"filtered\">")
                .append(acc.filtered())
                .append("</td><td class=\"muted\">articles in news.filtered</td></tr>");
        b.append("<tr><th>dead letters</th><td id=\"dead\">")
                .append(acc.deadAfterRaw())
                .append("</td><td class=\"muted\">of enrich and sink (ingest's never reached news.raw: ")
                .append(acc.dead() - acc.deadAfterRaw())
                .append(")</td></tr>");
        b.append("<tr><th>balance</th><td id=\"balance\">")
                .append(acc.raw() - outcomes)
                .append("</td><td class=\"muted\">")
                .append(
                        "raw − (clean + filtered + dead letters): in flight, or re-published under a newer enrichment version</td></tr>");
        b.append("</table>");
        if (!acc.undecodable().isEmpty()) {
            b.append("<p class=\"flag\">Undecodable records: ")
                    .append(esc(acc.undecodable().toString()))
                    .append("</p>");
        }
        b.append("<h2>Filtered by reason</h2><table class=\"reasons\">");
        acc.filteredByReason()
                .forEach((reason, n) -> b.append("<tr><th>")
                        .append(esc(reason))
                        .append("</th><td>")
                        .append(n)
                        .append("</td></tr>"));
        b.append("</table>");
        b.append("<h2>Dead letters by stage and reason</h2><table class=\"reasons\">");
        acc.deadByStageAndReason()
                .forEach((stage, reasons) -> reasons.forEach((reason, n) -> b.append("<tr><th>")
                        .append(esc(stage))
                        .append("</th><td>")
                        .append("<a href=\"/dead-letters?stage=")
                        .append(url(stage))
                        .append("&amp;reason=")
                        .append(url(reason))
                        .append("\">")
                        .append(esc(reason))
                        .append("</a></td><td>")
                        .append(n)
                        .append("</td></tr>")));
        b.append("</table>");
        b.append(
                "<h2>Filtered articles</h2><table class=\"articles\"><tr><th>Title</th><th>Reason</th><th>Lang</th></tr>");
        for (ReviewModel.Summary s : model.filteredArticles()) {
            b.append("<tr><td><a href=\"/article?id=")
                    .append(url(s.id()))
                    .append("\">")
                    .append(esc(title(s.title(), s.id())))
                    .append("</a></td><td>")
                    .append(esc(s.filterReason()))
                    .append("</td><td>")
                    .append(esc(s.language()))
                    .append("</td></tr>");
        }
        b.append("</table></div>");
        return page("Accounting", b.toString());
    }

    /** The kept dead letters of {@code stage} and {@code reason} (null: any), each with its details. */
    static String deadLetters(ReviewModel model, String stage, String reason) {
        long version = model.version();
        List<ReviewModel.DeadLetterEntry> letters = model.deadLetters(stage, reason);
        StringBuilder b = new StringBuilder("<div id=\"live\" data-version=\"" + version + "\"><h1>Dead letters");
        if (stage != null && !stage.isBlank()) {
            b.append(" · ").append(esc(stage));
        }
        if (reason != null && !reason.isBlank()) {
            b.append(" · ").append(esc(reason));
        }
        b.append("</h1><p class=\"muted\">")
                .append(letters.size())
                .append(" shown (the latest ")
                .append(ReviewModel.DEAD_LETTERS_KEPT)
                .append(" are kept), newest first. <a href=\"/dead-letters\">all</a></p>");
        for (ReviewModel.DeadLetterEntry entry : letters) {
            DeadLetter d = entry.letter();
            b.append("<details class=\"dead\"><summary><span class=\"stage\">")
                    .append(esc(d.getStage()))
                    .append("</span> <span class=\"reason\">")
                    .append(esc(d.getReason()))
                    .append("</span> ")
                    .append(esc(d.getKey() == null ? "" : d.getKey()))
                    .append(" <span class=\"muted\">")
                    .append(esc(String.valueOf(d.getFailedAt())))
                    .append("</span></summary><dl class=\"meta\">");
            meta(b, "Message", esc(d.getMessage()));
            meta(b, "Error", esc(d.getErrorType()));
            meta(b, "Source", esc(d.getSource()) + " <span class=\"muted\">" + esc(d.getProvenance()) + "</span>");
            if (d.getTopic() != null) {
                meta(
                        b,
                        "Failed record",
                        esc(d.getTopic()) + " partition " + d.getPartition() + " offset " + d.getOffset());
            }
            meta(b, "Enrichment", esc(d.getEnrichmentVersion()));
            meta(
                    b,
                    "Dead letter",
                    esc(entry.location().topic()) + " partition "
                            + entry.location().partition() + " offset "
                            + entry.location().offset());
            meta(
                    b,
                    "Payload",
                    d.getPayloadSize() + " bytes, first " + d.getPayloadHead().remaining() + ":");
            b.append("</dl><pre class=\"payload\">")
                    .append(esc(payload(d.getPayloadHead())))
                    .append("</pre></details>");
        }
        b.append("</div>");
        return page("Dead letters", b.toString());
    }

    private static String payload(ByteBuffer head) {
        ByteBuffer copy = head.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        // control characters (binary payloads) shown as dots; the rest as the UTF-8 it claims to be
        return new String(bytes, StandardCharsets.UTF_8).replaceAll("[\\p{Cc}&&[^\\n\\t]]", "·");
    }

    /** 404 page. */
    static String notFound(String what) {
        return page("Not found", "<h1>Not found</h1><p>" + esc(what) + "</p><p><a href=\"/\">back to the list</a></p>");
    }

    private static String title(String title, String id) {
        return title == null || title.isBlank() ? "(untitled " + id + ")" : title;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
