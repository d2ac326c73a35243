package dev.warta.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.RestSchemaRegistryClient;
import dev.warta.schemas.registry.SchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded registry on a real in-process broker: schemas live in {@code _schemas} and survive restarts. */
class EmbeddedSchemaRegistryIT {
    private static final Schema NOTE_V1 = SchemaBuilder.record("Note")
            .namespace("it")
            .fields()
            .requiredString("text")
            .endRecord();
    private static final Schema NOTE_V2 = SchemaBuilder.record("Note")
            .namespace("it")
            .fields()
            .requiredString("text")
            .name("lang")
            .type()
            .stringType()
            .stringDefault("und")
            .endRecord();

    @TempDir
    Path dataDir;

    private static Properties client(EmbeddedKafka kafka) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private static SchemaRegistry rest(EmbeddedSchemaRegistry registry) {
        return new RestSchemaRegistryClient(
                registry.url().replace("http://", "http://warta:t0ken@"), Duration.ofSeconds(10), 2);
    }

    @Test
    void idsVersionsAndConfigSurviveRegistryAndBrokerRestarts() throws Exception {
        int raw;
        int enriched;
        int note1;
        int note2;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(client(kafka), 0)
                    .writeToken("t0ken")
                    .start()) {
                SchemaRegistry api = rest(registry);
                raw = api.register(Topics.valueSubject(Topics.RAW), RawArticle.getClassSchema());
                enriched = api.register(Topics.valueSubject(Topics.ENRICHED), EnrichedArticle.getClassSchema());
                note1 = api.register("notes-value", NOTE_V1);
                note2 = api.register("notes-value", NOTE_V2);
                api.setCompatibility("notes-value", "FULL");
            }
            assertCompactedSinglePartitionTopic(kafka);

            try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(client(kafka), 0)
                    .writeToken("t0ken")
                    .start()) {
                SchemaRegistry api = rest(registry);
                assertSameState(api, raw, enriched, note1, note2);
                assertThat(api.register("other-value", NOTE_V1))
                        .as("known schema keeps its id")
                        .isEqualTo(note1);
            }
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
                EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(client(kafka), 0)
                        .writeToken("t0ken")
                        .start()) {
            SchemaRegistry api = rest(registry);
            assertSameState(api, raw, enriched, note1, note2);
            assertThat(api.versions("other-value")).containsExactly(1);
            Schema fresh = SchemaBuilder.record("Fresh")
                    .namespace("it")
                    .fields()
                    .requiredInt("n")
                    .endRecord();
            assertThat(api.register("fresh-value", fresh))
                    .as("new ids continue after the stored ones")
                    .isEqualTo(List.of(raw, enriched, note1, note2).stream()
                                    .mapToInt(Integer::intValue)
                                    .max()
                                    .orElseThrow()
                            + 1);
        }
    }

    @Test
    void secondRegistryOnTheSameClusterSeesTheFirstOnesSchemas() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0);
                EmbeddedSchemaRegistry first = new EmbeddedSchemaRegistry(client(kafka), 0)
                        .writeToken("t0ken")
                        .start();
                EmbeddedSchemaRegistry second = new EmbeddedSchemaRegistry(client(kafka), 0)
                        .writeToken("t0ken")
                        .start()) {
            int note1 = rest(first).register("notes-value", NOTE_V1);

            assertThat(rest(second).getById(note1))
                    .as("an id the other registry gave")
                    .isEqualTo(NOTE_V1);
            int note2 = rest(second).register("notes-value", NOTE_V2);
            assertThat(note2).isNotEqualTo(note1);
            assertThat(rest(second).versions("notes-value")).containsExactly(1, 2);
            assertThat(rest(first).lookup("notes-value", NOTE_V2)).isEqualTo(note2);
        }
    }

    private static void assertSameState(SchemaRegistry api, int raw, int enriched, int note1, int note2) {
        assertThat(api.lookup(Topics.valueSubject(Topics.RAW), RawArticle.getClassSchema()))
                .isEqualTo(raw);
        assertThat(api.register(Topics.valueSubject(Topics.ENRICHED), EnrichedArticle.getClassSchema()))
                .isEqualTo(enriched);
        assertThat(api.getById(note2)).isEqualTo(NOTE_V2);
        assertThat(api.versions("notes-value")).containsExactly(1, 2);
        assertThat(api.getVersion("notes-value", -1))
                .isEqualTo(new SchemaRegistry.RegisteredSchema("notes-value", 2, note2, NOTE_V2));
        assertThat(api.getVersion("notes-value", 1).id()).isEqualTo(note1);
        assertThat(api.compatibility("notes-value")).isEqualTo("FULL");
        assertThat(api.compatibility(null)).isEqualTo("BACKWARD_TRANSITIVE");
    }

    private static void assertCompactedSinglePartitionTopic(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.SCHEMAS))
                    .allTopicNames()
                    .get()
                    .get(Topics.SCHEMAS);
            assertThat(topic.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SCHEMAS);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
