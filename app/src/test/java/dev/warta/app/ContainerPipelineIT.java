package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.platform.StreamsApp;
import dev.warta.app.platform.TopicSetup;
import dev.warta.app.registry.EmbeddedSchemaRegistry;
import dev.warta.common.stream.StreamsSettings;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.enrich.StepTimer;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same code against a containerized Kafka (official apache/kafka image) instead of the embedded broker: topics
 * created, a raw article through the registry, enriched by the enrich topology. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainerPipelineIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripAnArticleThroughAContainerizedBroker() throws Exception {
        Properties client = new Properties();
        client.put("bootstrap.servers", KAFKA.getBootstrapServers());
        TopicSetup.ensure(client, 3, (short) 1);
        try (EmbeddedSchemaRegistry registry =
                new EmbeddedSchemaRegistry(client, 0).writeToken("it").start()) {
            RawArticle raw = RawArticle.newBuilder()
                    .setId("c-1")
                    .setUrl("https://example.test/c-1")
                    .setSourceType("text")
                    .setSource("container-it")
                    .setProvenance("container-it#1")
                    .setFetchedAt(Instant.now())
                    .setContentType("text/plain")
                    .setBody("Judul\n\nWarga kota merayakan hari jadi ke-500.")
                    .setTitle("Judul")
                    .setContentHash("c1")
                    .setMetadata(Map.of())
                    .build();
            try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                    client,
                    new StringSerializer(),
                    AvroSerde.of(RawArticle.class, registry.url().replace("http://", "http://warta:it@"))
                            .serializer())) {
                producer.send(new ProducerRecord<>(Topics.RAW, raw.getId(), raw))
                        .get(30, TimeUnit.SECONDS);
            }
            Properties streams = new Properties();
            streams.putAll(client);
            streams.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
            Properties props = StreamsSettings.of(
                    "enrich", "container-it", registry.url().replace("http://", "http://warta:it@"), "it", streams);
            try (StreamsApp app = StreamsApp.start(
                    "enrich", EnrichTopology.build(Analysis.standard("it", StepTimer.NONE), props), props)) {
                var out = KafkaTestSupport.readUntil(
                        KAFKA.getBootstrapServers(),
                        Topics.ENRICHED,
                        AvroSerde.of(EnrichedArticle.class, registry.url().replace("http://", "http://warta:it@"))
                                .deserializer(),
                        r -> !r.isEmpty(),
                        Duration.ofSeconds(90));
                assertThat(out).hasSize(1);
                assertThat(out.get(0).value().getId()).isEqualTo("c-1");
                assertThat(out.get(0).value().getText()).contains("hari jadi");
            }
        }
    }
}
