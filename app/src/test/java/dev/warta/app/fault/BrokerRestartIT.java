package dev.warta.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.platform.TopicSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped mid-stream and restarted on the same data directory and port: the enrich and sink stages
 * recover by themselves, nothing is lost, nothing is duplicated, and raw = clean + filtered + dead letters.
 */
class BrokerRestartIT {
    static final int ARTICLES = 120;

    @TempDir
    Path dir;

    @Test
    void shouldRecoverWithoutLossOrDuplicatesWhenTheBrokerRestartsMidStream() throws Exception {
        String registry = "mem://broker-restart-it-" + UUID.randomUUID();
        Path brokerDir = dir.resolve("broker");
        EmbeddedKafka kafka = EmbeddedKafka.start(brokerDir, 0);
        String bootstrap = kafka.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try {
            TopicSetup.ensure(KafkaTestSupport.client(bootstrap), 3, (short) 1);
            try (InProcessStages stages = InProcessStages.start(bootstrap, registry, dir.resolve("state"))) {
                FaultArticles.produce(bootstrap, registry, 0, ARTICLES / 2);
                Outcomes early =
                        Outcomes.await(bootstrap, registry, o -> o.accounted() >= ARTICLES / 8, Duration.ofSeconds(90));
                assertThat(early.accounted()).as("progress before the restart").isGreaterThanOrEqualTo(ARTICLES / 8);

                kafka.close();
                kafka = EmbeddedKafka.start(brokerDir, port);
                assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
                FaultArticles.produce(bootstrap, registry, ARTICLES / 2, ARTICLES);

                Outcomes done =
                        Outcomes.await(bootstrap, registry, o -> o.accounted() >= ARTICLES, Duration.ofSeconds(150));

                assertThat(done.duplicates()).as(done.toString()).isEmpty();
                assertThat(done.accounted()).as(done.toString()).isEqualTo(ARTICLES);
                assertThat(done.deadLetters).isEmpty();
                for (int i = 0; i < ARTICLES; i++) {
                    String id = FaultArticles.id(i);
                    assertThat(done.clean.getOrDefault(id, 0) + done.filtered.getOrDefault(id, 0))
                            .as(id)
                            .isEqualTo(1);
                }
                assertThat(stages.awaitRunning(Duration.ofSeconds(30))).isTrue();
            }
        } finally {
            kafka.close();
        }
    }
}
