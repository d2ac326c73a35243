package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.ClusterConfig;
import dev.warta.app.platform.EnrichStageConfig;
import dev.warta.app.platform.IngestStage;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.Replay;
import dev.warta.app.platform.SinkStageConfig;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.ingest.IngestService;
import dev.warta.ingest.IngestSummary;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.DuplicatePolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the embedded platform: the sample corpus through ingest, enrich and sink, every raw
 * article with exactly one outcome, then a replay under a bumped enrichment version that yields every article again.
 */
class PipelineIT {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path dir;

    @Test
    void shouldGiveEveryRawArticleOneOutcomeAndReplayEveryArticleWithTheNewVersion() throws Exception {
        ClusterConfig config = KafkaTestSupport.embeddedConfig(dir.resolve("data"));
        try (Platform platform = Platform.open(config, true);
                Metrics metrics = Metrics.create();
                StreamsApp enrich = Stages.startEnrich(
                        platform, new EnrichStageConfig(Stages.ENRICH_APP_ID, 1, "v1", platform.stateDir()), metrics);
                StreamsApp sink = Stages.startSink(
                        platform,
                        new SinkStageConfig(
                                Stages.SINK_APP_ID, 1, "v1", Set.of(), DuplicatePolicy.MARK, platform.stateDir()),
                        metrics)) {
            long raw;
            try (IngestStage ingest =
                    IngestStage.start(platform, IngestService.Options.defaults().withPaths(List.of(SAMPLES)))) {
                IngestSummary summary = ingest.service().bulkSummary();
                assertThat(summary.published()).isEqualTo(5);
                raw = summary.published();
                assertThat(ingest.service()
                                .runner()
                                .ingestPaths(List.of(SAMPLES))
                                .repeats())
                        .as("re-feeding publishes nothing new")
                        .isEqualTo(5);
            }
            List<EnrichedArticle> v1 = outcomes(platform, "v1", raw);
            assertThat(v1).hasSize((int) raw);
            assertThat(v1).extracting(EnrichedArticle::getId).doesNotHaveDuplicates();
            long dlq = deadLetters(platform);
            assertThat(countRaw(platform)).as("raw = clean + filtered + dlq").isEqualTo(v1.size() + dlq);

            try (StreamsApp replay = Stages.startEnrich(
                            platform,
                            new EnrichStageConfig(Replay.applicationId("v2"), 1, "v2", platform.stateDir()),
                            metrics);
                    Admin admin = Admin.create(platform.clientProperties())) {
                var targets = Replay.endOffsets(admin);
                assertThat(Replay.awaitCaughtUp(
                                platform.clientProperties(),
                                Replay.applicationId("v2"),
                                targets,
                                (done, total) -> done,
                                () -> false,
                                Duration.ofMillis(200)))
                        .isTrue();
                List<EnrichedArticle> v2 = outcomes(platform, "v2", raw);
                assertThat(v2)
                        .extracting(EnrichedArticle::getId)
                        .containsExactlyInAnyOrderElementsOf(
                                v1.stream().map(EnrichedArticle::getId).toList());
            }
        }
    }

    /** Clean and filtered records of {@code version}, until {@code expected} of them arrived. */
    private static List<EnrichedArticle> outcomes(Platform platform, String version, long expected) {
        AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class, platform.registryUrl());
        java.util.ArrayList<EnrichedArticle> all = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            all.clear();
            for (String topic : List.of(Topics.CLEAN, Topics.FILTERED)) {
                KafkaTestSupport.readUntil(
                                platform.bootstrapServers(),
                                topic,
                                serde.deserializer(),
                                r -> false,
                                Duration.ofSeconds(2))
                        .stream()
                        .map(ConsumerRecord::value)
                        .filter(a -> a.getEnrichmentVersion().equals(version))
                        .forEach(all::add);
            }
            if (all.size() >= expected) {
                break;
            }
        }
        return all;
    }

    private static long deadLetters(Platform platform) {
        AvroSerde<DeadLetter> serde = AvroSerde.of(DeadLetter.class, platform.registryUrl());
        return KafkaTestSupport.readUntil(
                        platform.bootstrapServers(),
                        Topics.DLQ,
                        serde.deserializer(),
                        r -> false,
                        Duration.ofSeconds(2))
                .stream()
                .filter(r -> !r.value().getStage().equals("ingest"))
                .count();
    }

    private static long countRaw(Platform platform) {
        return KafkaTestSupport.readUntil(
                        platform.bootstrapServers(),
                        Topics.RAW,
                        new ByteArrayDeserializer(),
                        r -> false,
                        Duration.ofSeconds(2))
                .size();
    }
}
