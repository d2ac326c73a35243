package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.platform.StreamsApp;
import dev.warta.common.stream.StreamsSettings;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.EnrichTopology;
import dev.warta.enrich.StepTimer;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich stage on a real broker: poison records become dead letters and the stream goes on (exactly-once). */
class EnrichDeadLetterIT {
    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;
    static final String REGISTRY = "mem://enrich-dlq-it-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        kafka = KafkaTestSupport.brokerWithTopics(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static RawArticle article(String id, String text) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.test/" + id)
                .setSourceType("text")
                .setSource("it")
                .setProvenance("it#" + id)
                .setFetchedAt(Instant.now())
                .setContentType("text/plain")
                .setBody("Title " + id + "\n\n" + text)
                .setTitle("Title " + id)
                .setContentHash(id)
                .setMetadata(Map.of())
                .build();
    }

    @Test
    void shouldDeadLetterPoisonRecordsWithReasonAndProvenanceAndKeepEnriching() throws Exception {
        AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class, REGISTRY);
        byte[] valid =
                rawSerde.serialize(Topics.RAW, article("ok-1", "Pemerintah mengumumkan kebijakan baru hari ini."));
        byte[] unknownId = valid.clone();
        ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
        byte[] badMagic = valid.clone();
        badMagic[0] = 7;
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        byte[] random = new byte[300];
        new Random(42).nextBytes(random);
        random[0] = 0;
        ByteBuffer.wrap(random, 1, 4).putInt(1);

        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.RAW, "bad-magic", badMagic))
                    .get();
            producer.send(new ProducerRecord<>(Topics.RAW, "unknown-id", unknownId))
                    .get();
            producer.send(new ProducerRecord<>(Topics.RAW, "truncated", truncated))
                    .get();
            producer.send(new ProducerRecord<>(Topics.RAW, "random", random)).get();
            producer.send(new ProducerRecord<>(Topics.RAW, "empty", new byte[0]))
                    .get();
            producer.send(new ProducerRecord<>(Topics.RAW, "ok-1", valid)).get();
            producer.send(new ProducerRecord<>(
                            Topics.RAW,
                            "ok-2",
                            rawSerde.serialize(
                                    Topics.RAW, article("ok-2", "The minister said the bridge would open next year."))))
                    .get();
        }

        Properties client = new Properties();
        client.put("bootstrap.servers", kafka.bootstrapServers());
        client.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        Properties props = StreamsSettings.of("enrich", "enrich-dlq-it", REGISTRY, "it-1", client);
        try (StreamsApp app = StreamsApp.start(
                "enrich", EnrichTopology.build(Analysis.standard("it-1", StepTimer.NONE), props), props)) {
            AvroSerde<DeadLetter> dlqSerde = AvroSerde.of(DeadLetter.class, REGISTRY);
            var letters = KafkaTestSupport.readUntil(
                    kafka.bootstrapServers(),
                    Topics.DLQ,
                    dlqSerde.deserializer(),
                    r -> r.size() >= 5,
                    Duration.ofSeconds(90));
            var enriched = KafkaTestSupport.readUntil(
                    kafka.bootstrapServers(),
                    Topics.ENRICHED,
                    AvroSerde.of(EnrichedArticle.class, REGISTRY).deserializer(),
                    r -> r.size() >= 2,
                    Duration.ofSeconds(60));

            assertThat(enriched).extracting(r -> r.key()).containsExactlyInAnyOrder("ok-1", "ok-2");
            assertThat(enriched)
                    .allSatisfy(
                            r -> assertThat(r.value().getEnrichmentVersion()).isEqualTo("it-1"));
            assertThat(letters).hasSize(5);
            Map<String, DeadLetter> byKey = new java.util.HashMap<>();
            letters.forEach(r -> byKey.put(r.value().getKey(), r.value()));
            assertThat(byKey.get("bad-magic").getReason()).isEqualTo("bad-magic-byte");
            assertThat(byKey.get("unknown-id").getReason()).isEqualTo("unknown-schema-id");
            assertThat(byKey.get("truncated").getReason()).isIn("truncated-avro", "malformed-avro");
            assertThat(byKey.get("random").getReason()).isIn("truncated-avro", "malformed-avro");
            assertThat(byKey.get("empty").getReason()).isEqualTo("empty-payload");
            for (DeadLetter l : byKey.values()) {
                assertThat(l.getStage()).isEqualTo("enrich");
                assertThat(l.getTopic()).isEqualTo(Topics.RAW);
                assertThat(l.getPartition()).isBetween(0, 2);
                assertThat(l.getOffset()).isNotNull().isGreaterThanOrEqualTo(0L);
                assertThat(l.getEnrichmentVersion()).isEqualTo("it-1");
            }
            assertThat(new String(byKey.get("bad-magic").getPayloadHead().array(), StandardCharsets.ISO_8859_1))
                    .startsWith(new String(Arrays.copyOf(badMagic, 3), StandardCharsets.ISO_8859_1));
            assertThat(List.of(app.running())).containsExactly(true);
        }
    }
}
