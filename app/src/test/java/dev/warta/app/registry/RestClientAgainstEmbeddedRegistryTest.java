package dev.warta.app.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.RegistryException;
import dev.warta.schemas.registry.RestSchemaRegistryClient;
import dev.warta.schemas.registry.SchemaRegistry;
import dev.warta.schemas.serde.AvroSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** warta's REST client and serde against the embedded registry over loopback HTTP. */
class RestClientAgainstEmbeddedRegistryTest {
    private static final Schema V1 = SchemaBuilder.record("Note")
            .namespace("test")
            .fields()
            .requiredString("text")
            .endRecord();
    private static final Schema V2 = SchemaBuilder.record("Note")
            .namespace("test")
            .fields()
            .requiredString("text")
            .name("tags")
            .type()
            .array()
            .items()
            .stringType()
            .noDefault()
            .endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Note")
            .namespace("test")
            .fields()
            .requiredString("text")
            .name("tags")
            .type()
            .array()
            .items()
            .stringType()
            .arrayDefault(java.util.List.of())
            .endRecord();

    private EmbeddedSchemaRegistry server;
    private SchemaRegistry client;

    @BeforeEach
    void start() {
        server = new EmbeddedSchemaRegistry(new InMemoryRegistryStore(), 0)
                .writeToken("t0ken")
                .start();
        client = new RestSchemaRegistryClient(
                server.url().replace("http://", "http://warta:t0ken@"), Duration.ofSeconds(5), 2);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void registerLookupAndFetchAgree() {
        int id = client.register("notes-value", V1);

        assertThat(client.lookup("notes-value", V1)).isEqualTo(id);
        assertThat(client.getById(id)).isEqualTo(V1);
        assertThat(client.versions("notes-value")).containsExactly(1);
        SchemaRegistry.RegisteredSchema latest = client.getVersion("notes-value", -1);
        assertThat(latest).isEqualTo(new SchemaRegistry.RegisteredSchema("notes-value", 1, id, V1));
        assertThat(client.getVersion("notes-value", 1)).isEqualTo(latest);
        assertThat(server.registry().getById(id)).as("the server's own view").isEqualTo(V1);
    }

    @Test
    void compatibilityIsCheckedAndEnforced() {
        client.register("notes-value", V1);

        assertThat(client.testCompatibility("notes-value", V2)).isFalse();
        assertThat(client.testCompatibility("notes-value", V2_WITH_DEFAULT)).isTrue();
        assertThat(client.testCompatibility("fresh-value", V2)).isTrue();
        assertThatThrownBy(() -> client.register("notes-value", V2))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE);
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.retriable()).isFalse();
                });
        assertThat(client.register("notes-value", V2_WITH_DEFAULT)).isPositive();
        assertThat(client.versions("notes-value")).containsExactly(1, 2);
    }

    @Test
    void compatibilityLevelsAreReadAndSet() {
        assertThat(client.compatibility(null)).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(client.compatibility("notes-value"))
                .as("falls back to global")
                .isEqualTo("BACKWARD_TRANSITIVE");

        client.setCompatibility("notes-value", "NONE");
        client.setCompatibility(null, "FULL_TRANSITIVE");

        assertThat(client.compatibility("notes-value")).isEqualTo("NONE");
        assertThat(client.compatibility("other-value")).isEqualTo("FULL_TRANSITIVE");
        assertThat(client.compatibility(null)).isEqualTo("FULL_TRANSITIVE");
        assertThatThrownBy(() -> client.setCompatibility(null, "MOSTLY"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INVALID_COMPATIBILITY));
    }

    @Test
    void missingThingsAreTypedErrors() {
        client.register("notes-value", V1);

        assertThatThrownBy(() -> client.versions("nobody-value"))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> client.getVersion("notes-value", 9))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.VERSION_NOT_FOUND));
        assertThatThrownBy(() -> client.getById(999))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> client.lookup("notes-value", V2_WITH_DEFAULT))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void serdeRoundTripsThroughTheRegistryAndAFreshReaderResolvesTheId() {
        RawArticle article = RawArticle.newBuilder()
                .setId("id-1")
                .setSourceType("text")
                .setSource("/in/a.txt")
                .setProvenance("/in/a.txt")
                .setFetchedAt(Instant.parse("2024-01-02T03:04:05Z"))
                .setContentType("text/plain")
                .setBody("Gempa mengguncang Cianjur\n\nWarga berhamburan keluar rumah.")
                .setContentHash("00")
                .setMetadata(Map.of())
                .build();
        // the writer registers (it knows the write token); the reader only reads
        AvroSerde<RawArticle> writer =
                AvroSerde.of(RawArticle.class, server.url().replace("http://", "http://warta:t0ken@"));
        AvroSerde<RawArticle> reader = AvroSerde.of(RawArticle.class, server.url());

        byte[] bytes = writer.serialize(Topics.RAW, article);

        assertThat(reader.deserialize(Topics.RAW, bytes)).isEqualTo(article);
        assertThat(client.versions(Topics.valueSubject(Topics.RAW))).containsExactly(1);
    }

    @Test
    void stoppedRegistryIsReportedUnreachableWithinTheTimeout() {
        String url = server.url();
        server.close();
        SchemaRegistry down = new RestSchemaRegistryClient(url, Duration.ofSeconds(1), 2);

        long start = System.nanoTime();
        assertThatThrownBy(() -> down.getById(1))
                .isInstanceOfSatisfying(
                        RegistryException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(RegistryException.UNREACHABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
}
