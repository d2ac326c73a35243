package dev.warta.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {
    private static final String P1 =
            "The city council voted on Tuesday to expand the tram network by twelve kilometres, "
                    + "a decision that ends two years of debate.";
    private static final String P2 = "Construction is expected to start next spring, and officials said the first new "
            + "stops could open by the end of 2027.";
    private static final String P3 = "Opponents argued that the money, about 300 million euros, should go to buses, "
            + "which serve more districts.";
    private final HtmlExtractor extractor = new HtmlExtractor();

    private static String page(String head, String bodyTop) {
        return "<!doctype html><html lang=\"en-GB\"><head>" + head
                + "<title>Tram network to grow | Daily Example</title>"
                + "</head><body><header><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
                + "<li><a href=/sport>Sport</a></li></ul></nav></header>" + bodyTop
                + "<main><article><h1>Tram network to grow</h1><div class=\"article-body\"><p>" + P1 + "</p>"
                + "<div class=\"ad-slot\">Advertisement</div><p>" + P2 + "</p><h2>Critics</h2><p>" + P3 + "</p></div>"
                + "<div class=\"related-stories\"><h3>Related</h3><ul><li><a href=/a>Bus fares frozen for another year"
                + "</a></li><li><a href=/b>New bridge opens to cyclists after delays</a></li></ul></div>"
                + "</article></main><footer><p>© 2024 Daily Example. All rights reserved.</p></footer></body></html>";
    }

    @Test
    void extractsMainTextWithParagraphBreaksAndWithoutBoilerplate() {
        Extracted e = extractor.extract(page("", ""), "https://example.com/tram");
        assertThat(e.text()).contains(P1 + "\n\n" + P2).contains(P3);
        assertThat(e.text())
                .doesNotContain("Home")
                .doesNotContain("Bus fares")
                .doesNotContain("rights reserved")
                .doesNotContain("Advertisement");
    }

    @Test
    void readsJsonLdMetadata() {
        String ld = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
                + "\"NewsArticle\",\"headline\":\"Tram network to grow\",\"datePublished\":\"2024-03-05T09:30:00+01:00\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Smith\"},{\"@type\":\"Person\",\"name\":\"Bo Lee\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Daily Example\"}}]}</script>"
                + "<link rel=canonical href=\"https://example.com/news/tram\">";
        Extracted e = extractor.extract(page(ld, ""), "https://example.com/tram?utm=x");
        assertThat(e.title()).isEqualTo("Tram network to grow");
        assertThat(e.publishedAt()).isEqualTo("2024-03-05T09:30:00+01:00");
        assertThat(e.publishedAtRule()).isEqualTo("json-ld");
        assertThat(e.authors()).containsExactly("Ann Smith", "Bo Lee");
        assertThat(e.siteName()).isEqualTo("Daily Example");
        assertThat(e.canonicalUrl()).isEqualTo("https://example.com/news/tram");
        assertThat(e.languageHint()).isEqualTo("en-GB");
    }

    @Test
    void fallsBackToMetaTags() {
        String meta = "<meta property=\"article:published_time\" content=\"2024-03-05T08:30:00Z\">"
                + "<meta name=\"author\" content=\"Ann Smith\"><meta property=\"og:site_name\" content=\"Daily Example\">"
                + "<meta property=\"og:url\" content=\"https://example.com/og/tram\">";
        Extracted e = extractor.extract(page(meta, ""), null);
        assertThat(e.publishedAt()).isEqualTo("2024-03-05T08:30:00Z");
        assertThat(e.publishedAtRule()).isEqualTo("meta:article:published_time");
        assertThat(e.authors()).containsExactly("Ann Smith");
        assertThat(e.siteName()).isEqualTo("Daily Example");
        assertThat(e.canonicalUrl()).isEqualTo("https://example.com/og/tram");
    }

    @Test
    void usesTimeElementThenVisibleDateAndByline() {
        Extracted timed =
                extractor.extract(page("", "<time datetime=\"2024-03-05T10:00:00+01:00\">5 March</time>"), null);
        assertThat(timed.publishedAt()).isEqualTo("2024-03-05T10:00:00+01:00");
        assertThat(timed.publishedAtRule()).isEqualTo("time");

        Extracted visible = extractor.extract(
                page(
                        "",
                        "<div class=\"byline\">By Ann Smith</div>"
                                + "<span class=\"post-date\">Selasa, 5 Maret 2024 14:05 WIB</span>"),
                null);
        assertThat(visible.publishedAt()).isEqualTo("2024-03-05T14:05:00+07:00");
        assertThat(visible.publishedAtRule()).isEqualTo("visible");
        assertThat(visible.authors()).containsExactly("Ann Smith");
    }

    @Test
    void leavesPublishedAtEmptyWhenThePageStatesNoTimeOrZone() {
        Extracted dateOnly = extractor.extract(page("", "<time datetime=\"2024-03-05\">5 March</time>"), null);
        assertThat(dateOnly.publishedAt()).isNull();
        Extracted noZone = extractor.extract(
                page("<meta property=\"article:published_time\" content=\"2024-03-05T08:30:00\">", ""), null);
        assertThat(noZone.publishedAt()).isNull();
    }

    @Test
    void takesAMissingZoneFromTheRestOfThePage() {
        String meta = "<meta property=\"article:published_time\" content=\"2024-03-05T08:30:00\">"
                + "<meta property=\"article:modified_time\" content=\"2024-03-06T10:00:00+02:00\">";
        assertThat(extractor.extract(page(meta, ""), null).publishedAt()).isEqualTo("2024-03-05T08:30:00+02:00");

        Extracted visible = extractor.extract(
                page(
                        "",
                        "<span class=\"post-date\">05/03/2024 14:05</span>"
                                + "<span class=\"update-time\">Diperbarui 06/03/2024 09:00 WITA</span>"),
                null);
        assertThat(visible.publishedAt()).isEqualTo("2024-03-05T14:05:00+08:00");
    }

    @Test
    void dropsTeasersWithSummariesUnderARelatedHeadingButKeepsTheStoryAfterThem() {
        String teaser = "<div class=row><h2>You might also like</h2><div class=list>"
                + "<div class=item><a href=/x>Harbour ferry gets electric engines</a><p>The city's oldest ferry will run "
                + "on batteries from June, the operator said in a statement.</p></div>"
                + "<div class=item><a href=/y>Night buses return to the east side</a><p>After a year without service, "
                + "three routes will again run after midnight on weekends.</p></div></div></div>";
        String more =
                "The mayor said the plan had been reviewed by independent engineers, who found the budget realistic "
                        + "and the schedule tight but achievable, provided the suppliers deliver the rails on time. A public "
                        + "hearing on the route through the old town is planned for the autumn.";
        String html = "<html><body><div class=story><p>" + P1 + "</p><p>" + P2 + "</p><p>" + more + "</p>" + teaser
                + "<p>" + P3
                + "</p></div><div><h3>More stories</h3><ul><li><p>Schools close early for the summer heat, "
                + "parents are told by letter.</p></li></ul></div></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, more, P3).doesNotContain("ferry", "Night buses", "Schools close");
    }

    @Test
    void keepsHeadingsShortListItemsAndTableCellsInsideTheArticle() {
        String html = "<html><body><nav><a href=/>Home</a></nav><article><div class=body><p>" + P1 + "</p>"
                + "<h2>What changes</h2><ul><li>Line 4 extended</li><li>Two new depots</li><li>Night service</li></ul>"
                + "<p>" + P2
                + "</p><table><tr><th>Year</th><th>Stops</th></tr><tr><td>2027</td><td>14</td></tr></table>"
                + "<p>" + P3 + "</p></div></article></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text)
                .contains(
                        P1,
                        P2,
                        P3,
                        "What changes",
                        "Line 4 extended",
                        "Two new depots",
                        "Night service",
                        "Year",
                        "2027");
    }

    @Test
    void dropsTeaserCardsAfterTheStoryWhateverTheirHeadingSays() {
        String card = "<div class=kartu><a href=/%s><h3>%s</h3></a><span>2 jam lalu</span></div>";
        String html = "<html><body><article><div class=isi><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<div class=pilihan><h2>Pilihan Redaksi</h2>"
                + String.format(card, "a", "Harga beras naik menjelang akhir tahun")
                + String.format(card, "b", "Banjir rendam tiga desa di pesisir utara")
                + String.format(card, "c", "Timnas menang tipis atas tuan rumah")
                + "</div></div></article></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, P3).doesNotContain("Pilihan", "Harga beras", "Banjir", "Timnas", "jam lalu");
    }

    @Test
    void stopsAtLinkListsAndLabelsAfterTheLastStoryParagraph() {
        String html = "<html><body><article><div class=text><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p>"
                + "<p>Schlagworte</p><p><a href=/t1>Verkehr</a>, <a href=/t2>Stadtrat</a>, <a href=/t3>Tram</a></p>"
                + "<p><a href=/autor>Maria Beispiel</a> schreibt über Verkehr</p></div></article></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).endsWith(P3);
    }

    @Test
    void fallsBackToTheJsonLdArticleBodyWhenThePageShowsAlmostNothing() {
        String body = P1 + "\\n" + P2 + "\\n" + P3 + "\\n" + P1.replace("Tuesday", "Monday") + "\\n"
                + P2.replace("spring", "summer");
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"headline\":\"Tram network to grow\",\"articleBody\":\"" + body + "\"}</script></head>"
                + "<body><div id=app><p>Loading the article, please wait a moment.</p></div></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, P3);
    }

    @Test
    void readsTheStoryFromNoscriptWhenThatIsWhereThePagePutIt() {
        String html = "<html><body><div id=root></div><noscript><div class=story><p>" + P1 + "</p><p>" + P2 + "</p><p>"
                + P3 + "</p></div></noscript></body></html>";
        assertThat(extractor.extract(html, null).text()).contains(P1, P2, P3);
    }

    @Test
    void readsTheStoryFromAnAsideWhenNothingElseHoldsText() {
        String html = "<html><body><nav><a href=/>Home</a></nav><aside><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3
                + "</p></aside></body></html>";
        assertThat(extractor.extract(html, null).text()).contains(P1, P2, P3);
    }

    @Test
    void dropsBoxesHiddenByClassButKeepsResponsiveOnes() {
        String html = "<html><body><div class=\"article-content\"><p>" + P1 + "</p>"
                + "<div class=\"article-block paywall hidden\"><p>Subscribe now to read the latest news in your city "
                + "and across the country, with unlimited access.</p></div>"
                + "<div class=\"hidden md:block\"><p>" + P2 + "</p></div>"
                + "<div class=\"d-none d-lg-block\"><p>" + P3 + "</p></div></div></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, P3).doesNotContain("Subscribe now");
    }

    @Test
    void keepsOnlyTheFirstStoryOfAnInfiniteScrollFeed() {
        String next = "<article><h1>Harbour ferry gets electric engines</h1>"
                + "<p>The city's oldest ferry will run on batteries from June, the operator said, after a trial that "
                + "cut fuel costs by half and noise on the quay by a third.</p>"
                + "<p>Crews were retrained over the winter, and the timetable, which has barely changed since the "
                + "nineties, stays the same for now, the operator added.</p>"
                + "<p>Residents of the island, who depend on the ferry for school and work, said they hoped the "
                + "quieter engines would also mean fewer breakdowns in the storm season.</p>"
                + "<p>A second electric ferry is on order and should arrive next year, once the shipyard in the north "
                + "has finished the hull, which was delayed by a strike.</p></article>";
        String html = "<html><body><div class=feed><article><h1>Tram network to grow</h1><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p><p>" + P1.replace("Tuesday", "Monday") + "</p><p>"
                + P2.replace("spring", "summer")
                + "</p><p>" + P3.replace("buses", "bicycle lanes") + "</p></article>" + next
                + "</div></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, P3).doesNotContain("ferry");
    }

    @Test
    void keepsStoryPartsInsideLayoutWrappersNamedAfterASidebar() {
        String extra = "<p>The mayor said the plan had been reviewed by independent engineers, who found the budget "
                + "realistic and the schedule tight but achievable.</p><p>A public hearing on the route through the old "
                + "town is planned for the autumn, and residents can send objections until then.</p>";
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            rest.append("<p>")
                    .append(P3.replace("300", Integer.toString(300 + i)))
                    .append("</p>");
        }
        String html = "<html><body><article><div class=\"sidebar-layout\"><div class=\"content\"><p>" + P1 + "</p>"
                + extra + "<p>" + P2 + "</p><p>" + P1.replace("Tuesday", "Monday") + "</p><p>"
                + P2.replace("spring", "summer") + "</p></div>"
                + "<div class=\"sidebar\"><a href=/a>Bus fares frozen</a></div></div>"
                + "<div class=\"ad\">Advertisement</div><div class=\"main-body\">" + rest + "</div>"
                + "</article></body></html>";
        String text = extractor.extract(html, null).text();
        assertThat(text).contains(P1, P2, P3, "independent engineers").doesNotContain("Bus fares");
    }

    @Test
    void keepsParagraphsWrittenAsDivsWithLineBreaks() {
        String html = "<html><body><div class=menu><a href=/>Home</a> <a href=/x>World</a></div><div id=isi>" + P1
                + "<br><br>" + P2 + "<br><br>" + P3 + "</div></body></html>";
        Extracted e = extractor.extract(html, null);
        assertThat(e.text()).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void isThreadSafeWhenShared() throws Exception {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(page(
                    "<meta property=\"article:published_time\" content=\"2024-03-0" + (i + 1) + "\">",
                    "<p class=lede>Lede number " + i
                            + " explains why the vote matters to every commuter in town.</p>"));
        }
        List<Extracted> expected = new ArrayList<>();
        for (String p : pages) {
            expected.add(extractor.extract(p, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Extracted>> futures = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String p : pages) {
                    futures.add(pool.submit(() -> extractor.extract(p, null)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverThrowsOnMalformedEmptyOrBinaryInput() {
        assertThat(extractor.extract(null, null).text()).isEmpty();
        assertThat(extractor.extract("", "").text()).isEmpty();
        assertThat(extractor
                        .extract("<p>unclosed <b><i>tags <div></p></span>" + P1, "not a url")
                        .text())
                .contains("tram");
        byte[] bytes = new byte[100_000];
        new java.util.Random(7).nextBytes(bytes);
        assertThat(extractor.extract(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), null))
                .isNotNull();
        assertThat(extractor.extract(
                        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
                                + "[[[[[[[[[[</script><p>😀😀😀</p>",
                        null))
                .isNotNull();
    }

    @Test
    void survivesTenThousandDeepNesting() {
        String deep = "<div>".repeat(10_000) + "<p>" + P1 + "</p>" + "</div>".repeat(10_000);
        Extracted e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> extractor.extract(deep, null));
        assertThat(e).isNotNull();
        String inline = "<span>".repeat(10_000) + P1 + "</span>".repeat(10_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> extractor.extract(inline, null)))
                .isNotNull();
    }

    @Test
    void survivesATenMegabytePage() {
        StringBuilder sb = new StringBuilder("<html><body>");
        while (sb.length() < 10_000_000) {
            sb.append("<div class=item><a href=/x>link text here</a><p>")
                    .append(P2)
                    .append("</p></div>");
        }
        Extracted e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> extractor.extract(sb.toString(), null));
        assertThat(e.text()).contains("Construction is expected");
    }
}
