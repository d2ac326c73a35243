package dev.warta.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.registry.RegistryCatalog.ConfigEntry;
import dev.warta.schemas.registry.RegistryCatalog.SchemaEntry;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SchemasTopicCodecTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void schemaEntryUsesConfluentsKeyAndValue() {
        SchemaEntry entry = new SchemaEntry("news.raw-value", 2, 5, "\"string\"", false);

        assertThat(new String(SchemasTopicCodec.key(entry), StandardCharsets.UTF_8))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"news.raw-value\",\"version\":2,\"magic\":1}");
        assertThat(SchemasTopicCodec.decode(SchemasTopicCodec.key(entry), SchemasTopicCodec.value(entry)))
                .contains(entry);
    }

    @Test
    void readsRecordsWrittenByConfluentsRegistry() {
        byte[] key = utf8("{\"subject\":\"t-value\",\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\"}");
        byte[] value = utf8("{\"subject\":\"t-value\",\"version\":1,\"id\":21,\"schemaType\":\"AVRO\","
                + "\"schema\":\"\\\"long\\\"\",\"deleted\":true}");

        assertThat(SchemasTopicCodec.decode(key, value)).contains(new SchemaEntry("t-value", 1, 21, "\"long\"", true));
        assertThat(SchemasTopicCodec.decode(
                        utf8("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"),
                        utf8("{\"compatibilityLevel\":\"FULL\"}")))
                .contains(new ConfigEntry(null, "FULL"));
    }

    @Test
    void configTombstoneUnsetsTheLevel() {
        ConfigEntry unset = new ConfigEntry("t-value", null);
        assertThat(SchemasTopicCodec.value(unset)).isNull();
        assertThat(SchemasTopicCodec.decode(SchemasTopicCodec.key(unset), null)).contains(unset);
    }

    @Test
    void otherKeyTypesAndGarbageAreSkipped() {
        assertThat(SchemasTopicCodec.decode(utf8("{\"keytype\":\"NOOP\",\"magic\":0}"), null))
                .isEmpty();
        assertThat(SchemasTopicCodec.decode(utf8("{\"keytype\":\"SCHEMA\",\"subject\":\"x\",\"version\":1}"), null))
                .isEmpty();
        assertThat(SchemasTopicCodec.decode(new byte[] {(byte) 0xff, 0, 1}, utf8("{}")))
                .isEmpty();
        assertThat(SchemasTopicCodec.decode(null, null)).isEmpty();
    }
}
