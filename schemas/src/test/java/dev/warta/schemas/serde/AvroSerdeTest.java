package dev.warta.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.InMemorySchemaRegistry;
import dev.warta.schemas.registry.RestSchemaRegistryClient;
import dev.warta.schemas.registry.SchemaRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
    private final SchemaRegistry registry = InMemorySchemaRegistry.scope("serde-test-" + UUID.randomUUID());
    private final AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class, registry, true);

    static RawArticle article() {
        return RawArticle.newBuilder()
                .setId("a1b2c3")
                .setUrl("https://berita.example.id/2024/05/banjir-jakarta")
                .setSourceType("html")
                .setSource("/tmp/in/banjir.html")
                .setProvenance("/tmp/in/banjir.html")
                .setFetchedAt(Instant.parse("2024-05-02T03:04:05.123Z"))
                .setContentType("text/html")
                .setBody(
                        "<html><body><h1>Banjir melanda Jakarta Utara</h1><p>Warga mengungsi ke masjid.</p></body></html>")
                .setTitle("Banjir melanda Jakarta Utara")
                .setContentHash("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .setMetadata(Map.of("lang", "id", "emoji", "\uD83C\uDF0A"))
                .build();
    }

    @Test
    void roundTripRestoresTheArticleAndWritesTheRegisteredIdInTheHeader() {
        byte[] bytes = serde.serialize(Topics.RAW, article());

        assertThat(bytes[0]).isEqualTo(AvroSerde.MAGIC_BYTE);
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        assertThat(id).isEqualTo(registry.lookup(Topics.valueSubject(Topics.RAW), RawArticle.getClassSchema()));
        assertThat(serde.deserialize(Topics.RAW, bytes)).isEqualTo(article());
    }

    @Test
    void aSmallRecordAfterALargeOneIsEncodedToItsExactLength() {
        byte[] small = serde.serialize(Topics.RAW, article());
        RawArticle large = RawArticle.newBuilder(article())
                .setBody("<p>" + "Hujan deras. ".repeat(20_000) + "</p>")
                .build();

        byte[] largeBytes = serde.serialize(Topics.RAW, large);
        byte[] smallAgain = serde.serialize(Topics.RAW, article());

        assertThat(smallAgain).isEqualTo(small);
        assertThat(serde.deserialize(Topics.RAW, largeBytes)).isEqualTo(large);
        assertThat(serde.deserialize(Topics.RAW, smallAgain)).isEqualTo(article());
    }

    @Test
    void nullStaysNullBothWays() {
        assertThat(serde.serialize(Topics.RAW, null)).isNull();
        assertThat(serde.deserialize(Topics.RAW, null)).isNull();
    }

    @Test
    void wrongMagicByteIsRejectedWithItsReason() {
        byte[] bytes = serde.serialize(Topics.RAW, article());
        bytes[0] = 1;
        assertReason(bytes, WireFormatException.Reason.BAD_MAGIC_BYTE);
        assertReason("{\"id\":\"json, not avro\"}".getBytes(), WireFormatException.Reason.BAD_MAGIC_BYTE);
    }

    @Test
    void emptyPayloadAndShortHeaderAreRejected() {
        assertReason(new byte[0], WireFormatException.Reason.EMPTY);
        assertReason(new byte[] {0, 0, 1}, WireFormatException.Reason.TRUNCATED);
    }

    @Test
    void unknownSchemaIdIsRejected() {
        byte[] bytes = serde.serialize(Topics.RAW, article());
        ByteBuffer.wrap(bytes, 1, 4).putInt(987_654);
        assertReason(bytes, WireFormatException.Reason.UNKNOWN_SCHEMA_ID);
    }

    @Test
    void truncatedAvroBodyIsRejected() {
        byte[] bytes = serde.serialize(Topics.RAW, article());
        for (int cut : new int[] {6, bytes.length / 2, bytes.length - 1}) {
            assertReason(Arrays.copyOf(bytes, cut), WireFormatException.Reason.TRUNCATED);
        }
    }

    @Test
    void trailingBytesAfterTheRecordAreRejected() {
        byte[] bytes = serde.serialize(Topics.RAW, article());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThatThrownBy(() -> serde.deserialize(Topics.RAW, longer))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.MALFORMED))
                .hasMessageContaining("trailing");
    }

    @Test
    void registeringAnIncompatibleSchemaFailsWithItsReason() {
        Schema unrelated = SchemaBuilder.record("RawArticle")
                .namespace("dev.warta.schemas")
                .fields()
                .requiredInt("legacyId")
                .endRecord();
        registry.register(Topics.valueSubject(Topics.RAW), unrelated);

        assertThatThrownBy(() -> serde.serialize(Topics.RAW, article()))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.INCOMPATIBLE_SCHEMA));
    }

    @Test
    void lookupOnlyModeFailsWhenTheSchemaWasNeverRegistered() {
        AvroSerde<RawArticle> noAuto = AvroSerde.of(RawArticle.class, registry, false);
        assertThatThrownBy(() -> noAuto.serialize(Topics.RAW, article()))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.UNKNOWN_SCHEMA_ID));
    }

    @Test
    void unreachableRegistryIsReportedAsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SchemaRegistry down = new RestSchemaRegistryClient("http://127.0.0.1:" + port, Duration.ofMillis(500), 1);
        AvroSerde<RawArticle> offline = AvroSerde.of(RawArticle.class, down, true);

        assertThatThrownBy(() -> offline.serialize(Topics.RAW, article()))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.REGISTRY_UNAVAILABLE));
    }

    @Test
    void aProjectionReadsOnlyItsFieldsAndFillsDefaultsForFieldsTheWriterLacks() {
        byte[] bytes = serde.serialize(Topics.RAW, article());
        org.apache.avro.Schema projection = new org.apache.avro.Schema.Parser().parse("""
                {"type": "record", "name": "RawArticle", "namespace": "dev.warta.schemas", "fields": [
                  {"name": "title", "type": ["null", "string"], "default": null},
                  {"name": "id", "type": "string"},
                  {"name": "notInTheWriter", "type": "int", "default": 7}]}
                """);

        var r = serde.deserializeProjection(Topics.RAW, bytes, projection);

        assertThat(r.getSchema().getFields()).hasSize(3);
        assertThat(r.get("id").toString()).isEqualTo("a1b2c3");
        assertThat(r.get("title").toString()).isEqualTo("Banjir melanda Jakarta Utara");
        assertThat(r.get("notInTheWriter")).isEqualTo(7);
        assertThat(AvroSerde.schemaIdOf(bytes)).isEqualTo(serde.schemaIdFor(Topics.RAW));
        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> serde.deserializeProjection(Topics.RAW, truncated, projection))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason())
                                .isIn(WireFormatException.Reason.TRUNCATED, WireFormatException.Reason.MALFORMED));
        bytes[0] = 9;
        assertThatThrownBy(() -> serde.deserializeProjection(Topics.RAW, bytes, projection))
                .isInstanceOfSatisfying(
                        WireFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(WireFormatException.Reason.BAD_MAGIC_BYTE));
        assertThat(AvroSerde.schemaIdOf(bytes)).isEqualTo(-1);
    }

    private void assertReason(byte[] bytes, WireFormatException.Reason reason) {
        assertThatThrownBy(() -> serde.deserialize(Topics.RAW, bytes))
                .isInstanceOfSatisfying(
                        WireFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageStartingWith(reason.code());
    }
}
