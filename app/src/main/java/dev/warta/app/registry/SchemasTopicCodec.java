package dev.warta.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warta.schemas.registry.RegistryCatalog.ConfigEntry;
import dev.warta.schemas.registry.RegistryCatalog.Entry;
import dev.warta.schemas.registry.RegistryCatalog.SchemaEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Keys and values of the {@code _schemas} topic in Confluent Schema Registry's own format, so the topic stays
 * readable by (and compacts like) Confluent's: key {@code {"keytype":"SCHEMA","subject":s,"version":v,"magic":1}}
 * with value {@code {"subject":s,"version":v,"id":n,"schema":"...","deleted":false}}, and key
 * {@code {"keytype":"CONFIG","subject":s|null,"magic":0}} with value {@code {"compatibilityLevel":"..."}}
 * (a null value unsets it). Other key types (NOOP, DELETE_SUBJECT, MODE, ...) are skipped.
 */
final class SchemasTopicCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemasTopicCodec() {}

    static byte[] key(Entry entry) {
        ObjectNode key = JSON.createObjectNode();
        if (entry instanceof SchemaEntry s) {
            key.put("keytype", "SCHEMA")
                    .put("subject", s.subject())
                    .put("version", s.version())
                    .put("magic", 1);
        } else if (entry instanceof ConfigEntry c) {
            key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] value(Entry entry) {
        if (entry instanceof SchemaEntry s) {
            return JSON.createObjectNode()
                    .put("subject", s.subject())
                    .put("version", s.version())
                    .put("id", s.id())
                    .put("schema", s.schema())
                    .put("deleted", s.deleted())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
        }
        ConfigEntry c = (ConfigEntry) entry;
        return c.level() == null
                ? null
                : JSON.createObjectNode()
                        .put("compatibilityLevel", c.level())
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
    }

    /** The entry a record stands for; empty for key types warta does not use, tombstones of schemas, garbage. */
    static Optional<Entry> decode(byte[] key, byte[] value) {
        try {
            JsonNode k = key == null ? null : JSON.readTree(key);
            if (k == null || !k.isObject()) {
                return Optional.empty();
            }
            String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
            switch (k.path("keytype").asText()) {
                case "SCHEMA" -> {
                    if (value == null) {
                        return Optional.empty();
                    }
                    JsonNode v = JSON.readTree(value);
                    return Optional.of(new SchemaEntry(
                            v.path("subject").asText(subject),
                            v.path("version").asInt(),
                            v.path("id").asInt(),
                            v.path("schema").asText(),
                            v.path("deleted").asBoolean(false)));
                }
                case "CONFIG" -> {
                    String level = value == null
                            ? null
                            : JSON.readTree(value).path("compatibilityLevel").asText(null);
                    return Optional.of(new ConfigEntry(subject, level));
                }
                default -> {
                    return Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
