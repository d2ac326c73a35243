package dev.warta.app.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.IngestStage;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.SinkStageConfig;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.ingest.IngestService;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.DuplicatePolicy;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The review page in a real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}, which
 * {@code .ci/run} installs) on the embedded pipeline fed with the samples: the open list fills itself with every
 * clean article, an article view shows a cut spam segment and a highlighted entity, a filter narrows the list.
 * Skips only where no browser is installed ({@code WARTA_CHROMIUM} / {@code WARTA_CHROMEDRIVER} override the paths).
 */
class ReviewPageBrowserIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Duration PIPELINE = Duration.ofSeconds(120);

    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    @TempDir
    Path dir;

    @Test
    void shouldListEveryCleanArticleLiveShowWhatWasCutAndNarrowByFilter() throws Exception {
        File chromium = executable("WARTA_CHROMIUM", "/usr/bin/chromium");
        File driverBinary = executable("WARTA_CHROMEDRIVER", "/usr/bin/chromedriver");
        assumeTrue(chromium != null && driverBinary != null, "no chromium + chromedriver on this machine");

        try (Platform platform = Platform.open(KafkaTestSupport.embeddedConfig(dir.resolve("data")), true);
                Metrics metrics = Metrics.create();
                StreamsApp enrich = Stages.startEnrich(
                        platform, new EnrichStageConfig(Stages.ENRICH_APP_ID, 1, "it", platform.stateDir()), metrics);
                StreamsApp sink = Stages.startSink(
                        platform,
                        new SinkStageConfig(
                                Stages.SINK_APP_ID, 1, "it", Set.of(), DuplicatePolicy.MARK, platform.stateDir()),
                        metrics);
                Review review = Review.start(platform, "127.0.0.1", 0, false)) {
            WebDriver browser = browser(chromium, driverBinary);
            try {
                browser.get(review.url());
                assertThat(rows(browser)).as("nothing ingested yet").isEmpty();

                try (IngestStage ingest = IngestStage.start(
                        platform, IngestService.Options.defaults().withPaths(List.of(SAMPLES)))) {
                    assertThat(ingest.service().bulkSummary().published()).isEqualTo(5);
                }
                Map<String, EnrichedArticle> clean = cleanArticles(platform, 5);

                // the page was opened before ingest: it fills itself (no reload) with every clean article
                new WebDriverWait(browser, PIPELINE).until(b -> rows(b).size() == clean.size());
                assertThat(rows(browser).stream().map(r -> r.getAttribute("data-id")))
                        .containsExactlyInAnyOrderElementsOf(clean.keySet());
                Path shot = Path.of("target", "review-list.png");
                Files.write(shot, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));

                EnrichedArticle spammed = clean.values().stream()
                        .filter(a -> !a.getSpam().getSegments().isEmpty()
                                && !a.getEntities().isEmpty())
                        .findFirst()
                        .orElseThrow(
                                () -> new AssertionError("the samples hold an article with cut spam and entities"));
                browser.findElement(By.cssSelector("tr.article[data-id='" + spammed.getId() + "'] td.title a"))
                        .click();
                WebElement cut = new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(b -> b.findElements(By.cssSelector(".cut.spam")).stream()
                                .findFirst()
                                .orElse(null));
                assertThat(cut.findElement(By.tagName("del")).getText())
                        .isEqualTo(
                                spammed.getSpam().getSegments().get(0).getText().strip());
                assertThat(cut.findElement(By.className("tag")).getText())
                        .startsWith(spammed.getSpam().getSegments().get(0).getCategory() + " · score ");
                WebElement entity = browser.findElement(By.cssSelector("mark.ent"));
                assertThat(entity.isDisplayed()).isTrue();
                assertThat(spammed.getEntities()).anySatisfy(e -> {
                    assertThat(entity.getAttribute("data-type")).isEqualTo(e.getType());
                    assertThat(entity.getAttribute("data-canonical")).isEqualTo(e.getCanonical());
                });

                browser.get(review.url());
                String language = "en";
                long expected = clean.values().stream()
                        .filter(a -> a.getLanguage().getCode().equals(language))
                        .count();
                assertThat(expected).as("the samples mix languages").isBetween(1L, clean.size() - 1L);
                new Select(browser.findElement(By.name("lang"))).selectByValue(language);
                browser.findElement(By.cssSelector("form.filters button[type=submit]"))
                        .click();
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(b -> b.getCurrentUrl().contains("lang=" + language));
                assertThat(rows(browser))
                        .hasSize((int) expected)
                        .allSatisfy(r -> assertThat(
                                        r.findElement(By.cssSelector("td.lang")).getText())
                                .isEqualTo(language));
            } finally {
                browser.quit();
            }
        }
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("table.articles tbody tr.article"));
    }

    /** The articles in news.clean (latest record per id) once all {@code raw} articles have an outcome. */
    private static Map<String, EnrichedArticle> cleanArticles(Platform platform, int raw) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class, platform.registryUrl());
        long deadline = System.nanoTime() + PIPELINE.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, EnrichedArticle> clean = new LinkedHashMap<>();
            for (ConsumerRecord<String, EnrichedArticle> r : KafkaTestSupport.readUntil(
                    platform.bootstrapServers(),
                    Topics.CLEAN,
                    serde.deserializer(),
                    rs -> false,
                    Duration.ofSeconds(2))) {
                clean.put(r.key(), r.value());
            }
            int filtered = KafkaTestSupport.readUntil(
                            platform.bootstrapServers(),
                            Topics.FILTERED,
                            serde.deserializer(),
                            rs -> false,
                            Duration.ofSeconds(1))
                    .size();
            if (clean.size() + filtered >= raw) {
                return clean;
            }
        }
        throw new AssertionError("the samples did not all reach news.clean or news.filtered in " + PIPELINE);
    }

    static WebDriver browser(File chromium, File driverBinary) {
        // Selenium warns that it has no DevTools bindings for this Chromium: the test uses WebDriver only
        SELENIUM_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,860",
                "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary)
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    static File executable(String env, String fallback) {
        String configured = System.getenv(env);
        File f = new File(configured != null && !configured.isBlank() ? configured : fallback);
        return f.canExecute() ? f : null;
    }
}
