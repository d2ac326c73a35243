package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void lowerCasesSchemeAndHostAndDropsDefaultPortAndFragment() {
        assertThat(ArticleIds.normalizeUrl("HTTPS://Www.Tempo.CO:443/Politik/Berita-1#komentar"))
                .isEqualTo("https://www.tempo.co/Politik/Berita-1");
        assertThat(ArticleIds.normalizeUrl("http://example.com:80")).isEqualTo("http://example.com/");
    }

    @Test
    void keepsNonDefaultPort() {
        assertThat(ArticleIds.normalizeUrl("http://example.com:8080/a")).isEqualTo("http://example.com:8080/a");
    }

    @Test
    void removesTrackingParametersAndSortsTheRest() {
        assertThat(
                        ArticleIds.normalizeUrl(
                                "https://news.example/a?utm_source=rss&z=1&fbclid=abc&a=2&UTM_Medium=x&gclid=1&mc_cid=9&mc_eid=8&ref_src=twsrc"))
                .isEqualTo("https://news.example/a?a=2&z=1");
        assertThat(ArticleIds.normalizeUrl("https://news.example/a?utm_campaign=x"))
                .isEqualTo("https://news.example/a");
    }

    @Test
    void sameArticleUnderTrackingVariantsGetsOneId() {
        String id = ArticleIds.urlId("https://kompas.example/read/2024/01/02/berita?page=2");
        assertThat(ArticleIds.urlId("https://KOMPAS.example:443/read/2024/01/02/berita?utm_source=fb&page=2#top"))
                .isEqualTo(id);
        assertThat(ArticleIds.urlId("https://kompas.example/read/2024/01/02/berita?page=3"))
                .isNotEqualTo(id);
        assertThat(id).hasSize(ArticleIds.ID_LENGTH).matches("[0-9a-f]+");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThat(ArticleIds.normalizeUrl(null)).isNull();
        assertThat(ArticleIds.normalizeUrl("")).isNull();
        assertThat(ArticleIds.normalizeUrl("/relative/path")).isNull();
        assertThat(ArticleIds.normalizeUrl("mailto:redaksi@example.com")).isNull();
        assertThat(ArticleIds.normalizeUrl("http://exa mple.com/{bad}|")).isNull();
        assertThat(ArticleIds.normalizeUrl("\u0000\u0001garbage")).isNull();
    }

    @Test
    void contentIdIgnoresWhitespaceAndCaseDifferences() {
        String a = ArticleIds.contentId("Banjir di Jakarta", "Hujan deras sejak pagi.\r\n\r\nWarga mengungsi.");
        String b = ArticleIds.contentId("  banjir di  jakarta ", "Hujan deras sejak pagi.\n\nWarga   mengungsi.\n");
        assertThat(a).isEqualTo(b).hasSize(ArticleIds.ID_LENGTH);
        assertThat(ArticleIds.contentId("Banjir di Bandung", "Hujan deras sejak pagi."))
                .isNotEqualTo(a);
    }

    @Test
    void contentAndUrlIdsNeverCollideByConstruction() {
        assertThat(ArticleIds.contentId("t", "x")).startsWith("c");
        assertThat(ArticleIds.urlId("https://a.example/")).doesNotStartWith("c").matches("[0-9a-f]{32}");
    }
}
