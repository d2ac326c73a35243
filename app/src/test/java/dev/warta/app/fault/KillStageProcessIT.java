package dev.warta.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two enrich and two sink instances, each its own JVM, on 3 partitions; one of each is killed with SIGKILL
 * mid-stream and restarted on its state: every article reaches news.clean or news.filtered exactly once
 * (read_committed) and raw = clean + filtered + dead letters of enrich and sink.
 */
class KillStageProcessIT {
    static final int ARTICLES = 150;

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        kafka = KafkaTestSupport.brokerWithTopics(dir.resolve("broker"));
        registry = new EmbeddedSchemaRegistry(KafkaTestSupport.client(kafka.bootstrapServers()), 0)
                .writeToken("fault")
                .start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        kafka.close();
    }

    @Test
    void shouldDeliverEveryArticleExactlyOnceWhenAnEnrichAndASinkProcessAreKilledAndRestarted() throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String url = registry.url().replace("http://", "http://warta:fault@"); // the stages register warta's schemas
        StageProcess enrichA = StageProcess.enrich("enrich-a", bootstrap, url, dir.resolve("enrich-a"));
        StageProcess enrichB = StageProcess.enrich("enrich-b", bootstrap, url, dir.resolve("enrich-b"));
        StageProcess sinkA = StageProcess.sink("sink-a", bootstrap, url, dir.resolve("sink-a"));
        StageProcess sinkB = StageProcess.sink("sink-b", bootstrap, url, dir.resolve("sink-b"));
        try (enrichA;
                enrichB;
                sinkA;
                sinkB) {
            for (StageProcess p : List.of(enrichA, enrichB, sinkA, sinkB)) {
                p.start();
            }
            for (StageProcess p : List.of(enrichA, enrichB, sinkA, sinkB)) {
                assertThat(p.awaitRunning(Duration.ofSeconds(120)))
                        .as(p.name() + " running; " + p.logTail())
                        .isTrue();
            }
            FaultArticles.produce(bootstrap, url, 0, ARTICLES / 2);
            Outcomes early =
                    Outcomes.await(bootstrap, url, o -> o.accounted() >= ARTICLES / 8, Duration.ofSeconds(120));
            assertThat(early.accounted())
                    .as("progress before the kill; " + enrichA.logTail())
                    .isGreaterThanOrEqualTo(ARTICLES / 8);

            enrichA.kill();
            sinkA.kill();
            assertThat(List.of(enrichA.alive(), sinkA.alive())).containsExactly(false, false);
            FaultArticles.produce(bootstrap, url, ARTICLES / 2, ARTICLES);
            enrichA.start();
            sinkA.start();

            Outcomes done = Outcomes.await(bootstrap, url, o -> o.accounted() >= ARTICLES, Duration.ofSeconds(150));

            assertThat(done.duplicates()).as(done.toString()).isEmpty();
            assertThat(done.accounted()).as(done + "\n" + sinkB.logTail()).isEqualTo(ARTICLES);
            assertThat(done.deadLetters).isEmpty();
            for (int i = 0; i < ARTICLES; i++) {
                String id = FaultArticles.id(i);
                assertThat(done.clean.getOrDefault(id, 0) + done.filtered.getOrDefault(id, 0))
                        .as(id)
                        .isEqualTo(1);
            }
        }
    }
}
