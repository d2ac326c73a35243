package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.sink.InMemoryArticleSink;
import dev.warta.schemas.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedSourceTest {
    @TempDir
    Path dir;

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>Kabar Contoh</title>
                <link>https://kabar.example/</link>
                <language>id-ID</language>
                <item>
                  <title>Harga Beras Turun di Pasar Induk</title>
                  <link>https://kabar.example/ekonomi/harga-beras-turun?utm_source=rss</link>
                  <guid>kabar-1001</guid>
                  <pubDate>Thu, 14 May 2026 08:00:00 +0700</pubDate>
                  <category>ekonomi</category>
                  <description>Harga beras medium turun dua ratus rupiah per kilogram.</description>
                </item>
                <item>
                  <title>Jalan Tol Baru Dibuka</title>
                  <link>https://kabar.example/nasional/tol-baru</link>
                  <guid>kabar-1002</guid>
                  <description><![CDATA[<p>Contoh kode: <!DOCTYPE html> bukan masalah di dalam CDATA.</p>]]></description>
                </item>
              </channel>
            </rss>
            """;

    static final String XXE = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://evil.example/1</link></item></channel></rss>
            """;

    static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!-- a comment before the doctype does not hide it -->
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            ]>
            <rss version="2.0"><channel><title>&lol4;</title></channel></rss>
            """;

    private static List<Item> read(PageFetcher fetcher, Path p) {
        List<Item> items = new ArrayList<>();
        new Sources(IngestLimits.defaults(), fetcher).forEach(p, items::add);
        return items;
    }

    @Test
    void unfetchablePagesArePublishedWithTheFeedContentAndTheFetchError() throws Exception {
        Path p = Fixtures.write(dir, "kabar.xml", RSS);
        List<Item> items = read(PageFetcher.disabled(), p);
        assertThat(items).hasSize(2);
        RawArticle a = Fixtures.articles(items).get(0).article();
        assertThat(a.getUrl()).isEqualTo("https://kabar.example/ekonomi/harga-beras-turun");
        assertThat(a.getTitle()).isEqualTo("Harga Beras Turun di Pasar Induk");
        assertThat(a.getBody()).isEqualTo("Harga beras medium turun dua ratus rupiah per kilogram.");
        assertThat(a.getContentOrigin()).isEqualTo("feed");
        assertThat(a.getFetchError()).startsWith("fetch-disabled");
        assertThat(a.getPublishedAt()).isEqualTo("2026-05-14T01:00:00Z");
        assertThat(a.getLanguageHint()).isEqualTo("id-ID");
        assertThat(a.getProvenance()).isEqualTo(p + "#kabar-1001");
        assertThat(a.getMetadata()).containsEntry("feed.categories", "ekonomi");
        assertThat(a.getSourceType()).isEqualTo("feed");
        assertThat(Fixtures.articles(items).get(1).article().getBody()).contains("<!DOCTYPE html>");
    }

    @Test
    void fetchedPageBecomesTheBodyButTheIdStaysThatOfTheFeedLink() throws Exception {
        Path p = Fixtures.write(dir, "kabar.xml", RSS);
        PageFetcher fetcher = url -> new PageFetcher.Page(
                ("<html lang=id><head><link rel=canonical href='https://m.kabar.example/x'>"
                                + "</head><body>Halaman penuh " + url + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8",
                url,
                200);
        RawArticle a = Fixtures.articles(read(fetcher, p)).get(0).article();
        assertThat(a.getContentOrigin()).isEqualTo("page");
        assertThat(a.getFetchError()).isNull();
        assertThat(a.getBody()).startsWith("<html").contains("Halaman penuh");
        assertThat(a.getId()).isEqualTo(ArticleIds.urlId("https://kabar.example/ekonomi/harga-beras-turun"));
        assertThat(a.getMetadata()).containsEntry("canonicalUrl", "https://m.kabar.example/x");
        assertThat(a.getTitle()).isEqualTo("Harga Beras Turun di Pasar Induk");
    }

    @Test
    void fetchFailureReasonIsKept() throws Exception {
        Path p = Fixtures.write(dir, "kabar.xml", RSS);
        PageFetcher timeouts = url -> {
            throw new PageFetcher.FetchException("timeout", "timed out fetching " + url);
        };
        assertThat(Fixtures.articles(read(timeouts, p)))
                .allSatisfy(a -> assertThat(a.article().getFetchError()).startsWith("timeout:"));
    }

    @Test
    void knownItemsAreNotFetchedAgain() throws Exception {
        Path p = Fixtures.write(dir, "kabar.xml", RSS);
        AtomicInteger fetches = new AtomicInteger();
        PageFetcher counting = url -> {
            fetches.incrementAndGet();
            throw new PageFetcher.FetchException("http-404", "not found");
        };
        String knownId = ArticleIds.urlId("https://kabar.example/ekonomi/harga-beras-turun");
        new Sources(IngestLimits.defaults(), counting).forEach(p, knownId::equals, item -> {});
        assertThat(fetches).hasValue(1);
    }

    @Test
    void externalEntityFeedIsRefusedAsDeadLetter() throws Exception {
        List<Item> items = read(PageFetcher.disabled(), Fixtures.write(dir, "xxe.xml", XXE));
        assertThat(Fixtures.articles(items)).isEmpty();
        assertThat(Fixtures.dead(items)).singleElement().satisfies(d -> {
            assertThat(d.letter().getReason()).isEqualTo("feed-doctype-forbidden");
            assertThat(d.letter().getMessage()).doesNotContain("root:");
        });
    }

    @Test
    void billionLaughsFeedIsRefusedAsDeadLetter() throws Exception {
        List<Item> items = read(PageFetcher.disabled(), Fixtures.write(dir, "lol.rss", BILLION_LAUGHS));
        assertThat(Fixtures.dead(items))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("feed-doctype-forbidden"));
    }

    @Test
    void brokenXmlIsAMalformedFeed() throws Exception {
        List<Item> items =
                read(PageFetcher.disabled(), Fixtures.write(dir, "broken.xml", "<rss><channel><item><title>x</ti"));
        assertThat(Fixtures.dead(items))
                .singleElement()
                .satisfies(d -> assertThat(d.letter().getReason()).isEqualTo("malformed-feed"));
    }

    @Test
    void atomEntriesAreRead() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
                  <title>Contoh Atom</title><id>urn:contoh</id><updated>2026-01-02T03:04:05Z</updated>
                  <entry>
                    <title>Pameran Batik di Solo</title>
                    <link href="https://atom.example/batik-solo"/>
                    <id>urn:contoh:batik</id>
                    <updated>2026-01-02T03:04:05Z</updated>
                    <content type="html">&lt;p&gt;Ratusan perajin ikut pameran.&lt;/p&gt;</content>
                  </entry>
                </feed>
                """;
        RawArticle a = Fixtures.articles(read(PageFetcher.disabled(), Fixtures.write(dir, "contoh.atom", atom)))
                .get(0)
                .article();
        assertThat(a.getUrl()).isEqualTo("https://atom.example/batik-solo");
        assertThat(a.getBody()).isEqualTo("<p>Ratusan perajin ikut pameran.</p>");
        assertThat(a.getContentType()).isEqualTo("text/html");
        assertThat(a.getProvenance()).endsWith("#urn:contoh:batik");
    }

    @Test
    void feedUrlIsPolledAndOnlyNewItemsArePublished() throws Exception {
        AtomicInteger pageFetches = new AtomicInteger();
        String[] feed = {RSS};
        PageFetcher fetcher = url -> {
            if (url.equals("https://kabar.example/rss")) {
                return new PageFetcher.Page(feed[0].getBytes(StandardCharsets.UTF_8), "application/rss+xml", url, 200);
            }
            pageFetches.incrementAndGet();
            throw new PageFetcher.FetchException("http-503", "unavailable");
        };
        InMemoryArticleSink sink = new InMemoryArticleSink();
        try (IngestRunner runner =
                IngestRunner.builder(sink).fetcher(fetcher).progress(false).build()) {
            assertThat(runner.pollFeeds(List.of("https://kabar.example/rss")).published())
                    .isEqualTo(2);
            feed[0] = RSS.replace(
                    "</channel>",
                    "<item><title>Baru</title><link>https://kabar.example/baru</link>"
                            + "<description>Item baru.</description></item></channel>");
            IngestSummary second = runner.pollFeeds(List.of("https://kabar.example/rss"));
            assertThat(second.published()).isEqualTo(1);
            assertThat(second.repeats()).isEqualTo(2);
        }
        assertThat(pageFetches).as("known items are not fetched again").hasValue(3);
        assertThat(sink.articles()).extracting(RawArticle::getContentOrigin).containsOnly("feed");
    }

    @Test
    void unreachableFeedUrlIsADeadLetter() {
        InMemoryArticleSink sink = new InMemoryArticleSink();
        PageFetcher down = url -> {
            throw new PageFetcher.FetchException("unreachable", "connection refused");
        };
        try (IngestRunner runner =
                IngestRunner.builder(sink).fetcher(down).progress(false).build()) {
            assertThat(runner.pollFeeds(List.of("https://down.example/rss")).deadLettered())
                    .isEqualTo(1);
        }
        assertThat(sink.deadLetters())
                .singleElement()
                .satisfies(d -> assertThat(d.getReason()).isEqualTo("feed-unreachable"));
    }

    /** The ten Tempo snapshots, ingested in date order, publish every distinct item link exactly once. */
    @Test
    void tempoSnapshotsPublishEachDistinctItemOnce() throws Exception {
        Path tempo = SharedData.dir("feeds/tempo");
        List<Path> files;
        try (Stream<Path> s = Files.walk(tempo)) {
            files = s.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        }
        // independent count: every <link> inside an <item>
        Pattern link = Pattern.compile("<item>.*?<link>\\s*(.*?)\\s*</link>", Pattern.DOTALL);
        Set<String> distinct = new HashSet<>();
        int total = 0;
        for (Path f : files) {
            Matcher m = link.matcher(Files.readString(f));
            while (m.find()) {
                distinct.add(m.group(1));
                total++;
            }
        }
        InMemoryArticleSink sink = new InMemoryArticleSink();
        try (IngestRunner runner = IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .build()) {
            for (Path f : files) {
                runner.ingestPaths(List.of(f));
            }
            IngestSummary s = runner.stats().snapshot();
            assertThat(s.published()).isEqualTo(distinct.size());
            assertThat(s.repeats()).isEqualTo(total - distinct.size());
            assertThat(s.updates()).isZero();
        }
        assertThat(sink.articles())
                .extracting(RawArticle::getOriginalUrl)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(distinct);
        // a restart on the same store publishes nothing again
        try (IngestRunner again = IngestRunner.builder(sink)
                .fetcher(PageFetcher.disabled())
                .progress(false)
                .sinkTimeout(Duration.ofSeconds(5))
                .build()) {
            IngestSummary s = again.ingestPaths(List.of(tempo));
            assertThat(s.published()).isZero();
            assertThat(s.repeats()).isEqualTo(total);
        }
    }
}
