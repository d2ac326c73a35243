package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.app.platform.ClusterConfig;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.app.platform.Platform;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Language;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Spam;
import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.SchemaRegistries;
import dev.warta.schemas.registry.SchemaRegistry;
import dev.warta.schemas.serde.AvroSerde;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded platform: a round trip of every record type through the registry, and a restart that keeps it all. */
class PlatformIT {
    @TempDir
    Path dir;

    private ClusterConfig options() {
        return KafkaTestSupport.embeddedConfig(dir.resolve("data"));
    }

    static RawArticle raw() {
        return RawArticle.newBuilder()
                .setId("raw-1")
                .setUrl("https://example.test/a")
                .setSourceType("text")
                .setSource("it")
                .setProvenance("it#1")
                .setFetchedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setContentType("text/plain")
                .setBody("Judul\n\nIsi berita.")
                .setContentHash("h")
                .setMetadata(Map.of())
                .build();
    }

    static EnrichedArticle enriched() {
        return EnrichedArticle.newBuilder()
                .setId("enr-1")
                .setSourceType("text")
                .setSource("it")
                .setProvenance("it#1")
                .setFetchedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setEnrichedAt(Instant.parse("2026-01-01T00:00:01Z"))
                .setEnrichmentVersion("v-it")
                .setText("Isi berita.")
                .setLanguage(new Language("id", 0.99))
                .setSpam(new Spam(false, 0.0, false, List.of()))
                .setTextHash("t")
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setStage("ingest")
                .setReason("too-large")
                .setMessage("page over 10 MB")
                .setPayloadHead(ByteBuffer.wrap(new byte[] {1, 2, 3}))
                .setPayloadSize(3)
                .setFailedAt(Instant.parse("2026-01-01T00:00:02Z"))
                .build();
    }

    @Test
    void shouldRoundTripEveryRecordTypeThroughTheRegistryAndKeepEverythingAcrossARestart() throws Exception {
        int rawId;
        try (Platform platform = Platform.open(options(), true)) {
            assertThat(platform.publicRegistryUrl()).startsWith("http://127.0.0.1:");
            assertThat(platform.registryUrl())
                    .as("this process's clients carry the write token")
                    .startsWith("http://warta:");
            send(
                    platform,
                    Topics.RAW,
                    "raw-1",
                    raw(),
                    AvroSerde.of(RawArticle.class, platform.registryUrl()).serializer());
            send(
                    platform,
                    Topics.ENRICHED,
                    "enr-1",
                    enriched(),
                    AvroSerde.of(EnrichedArticle.class, platform.registryUrl()).serializer());
            send(
                    platform,
                    Topics.DLQ,
                    "dl-1",
                    deadLetter(),
                    AvroSerde.of(DeadLetter.class, platform.registryUrl()).serializer());

            assertThat(read(platform, Topics.RAW, RawArticle.class)).isEqualTo(raw());
            assertThat(read(platform, Topics.ENRICHED, EnrichedArticle.class)).isEqualTo(enriched());
            assertThat(read(platform, Topics.DLQ, DeadLetter.class)).isEqualTo(deadLetter());
            try (SchemaRegistry registry = SchemaRegistries.open(platform.registryUrl())) {
                rawId = registry.getVersion(Topics.valueSubject(Topics.RAW), -1).id();
            }
        }

        try (Platform platform = Platform.open(options(), true)) {
            try (Admin admin = Admin.create(platform.clientProperties())) {
                Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                assertThat(topics)
                        .contains(
                                Topics.RAW, Topics.ENRICHED, Topics.CLEAN, Topics.FILTERED, Topics.DLQ, Topics.SCHEMAS);
            }
            try (SchemaRegistry registry = SchemaRegistries.open(platform.registryUrl())) {
                assertThat(registry.getVersion(Topics.valueSubject(Topics.RAW), -1)
                                .id())
                        .isEqualTo(rawId);
                assertThat(registry.versions(Topics.valueSubject(Topics.RAW))).containsExactly(1);
            }
            // a fresh deserializer resolves the stored schema ids through the restarted registry
            assertThat(read(platform, Topics.RAW, RawArticle.class)).isEqualTo(raw());
            assertThat(read(platform, Topics.DLQ, DeadLetter.class)).isEqualTo(deadLetter());
        }
    }

    @Test
    void shouldServeTheAskedPortsAndRefuseATakenOneInsteadOfMovingAway() throws Exception {
        ClusterConfig asked = options().withPorts(EmbeddedKafka.portOrFree(0), EmbeddedKafka.portOrFree(0));
        try (Platform platform = Platform.open(asked, true)) {
            assertThat(platform.bootstrapServers()).isEqualTo("127.0.0.1:" + asked.brokerPort());
            assertThat(platform.publicRegistryUrl()).isEqualTo("http://127.0.0.1:" + asked.registryPort());
        }
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ClusterConfig taken = options().withPorts(null, held.getLocalPort());
            assertThatThrownBy(() -> Platform.open(taken, true).close())
                    .hasMessage("--registry-port " + held.getLocalPort() + ": the port is taken on 127.0.0.1");
        }
    }

    private static <T> void send(Platform platform, String topic, String key, T value, Serializer<T> serializer)
            throws Exception {
        try (KafkaProducer<String, T> producer =
                new KafkaProducer<>(platform.clientProperties(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T read(
            Platform platform, String topic, Class<T> type) {
        var records = KafkaTestSupport.readUntil(
                platform.bootstrapServers(),
                topic,
                AvroSerde.of(type, platform.registryUrl()).deserializer(),
                r -> !r.isEmpty(),
                Duration.ofSeconds(60));
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }
}
