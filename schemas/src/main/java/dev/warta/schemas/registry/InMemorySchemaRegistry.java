package dev.warta.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in this process: global ids, subjects with versions, compatibility levels (default
 * BACKWARD_TRANSITIVE). Used by offline tools and tests via the {@code mem://<scope>} URL; instances are shared
 * per scope so that a serializer and a deserializer configured with the same URL see the same schemas.
 */
public class InMemorySchemaRegistry implements SchemaRegistry {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> subjects = new LinkedHashMap<>();
    private final Map<String, String> compatibility = new HashMap<>();
    private String globalCompatibility = "BACKWARD_TRANSITIVE";

    /** The registry of a named scope, created on first use. */
    public static InMemorySchemaRegistry scope(String name) {
        return SCOPES.computeIfAbsent(name, n -> new InMemorySchemaRegistry());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        String canonical = schema.toString();
        for (RegisteredSchema existing : versions) {
            if (existing.schema().toString().equals(canonical)) {
                return existing.id();
            }
        }
        if (!compatible(subject, schema)) {
            if (versions.isEmpty()) {
                subjects.remove(subject);
            }
            throw new RegistryException(RegistryException.INCOMPATIBLE, 409,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"");
        }
        int id = idByCanonical.computeIfAbsent(canonical, c -> byId.size() + 1);
        byId.put(id, schema);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        versions.add(new RegisteredSchema(subject, version, id, schema));
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryException(RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
        }
        String canonical = schema.toString();
        return versions.stream().filter(v -> v.schema().toString().equals(canonical)).findFirst()
                .map(RegisteredSchema::id)
                .orElseThrow(() -> new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema not found"));
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return versionsOf(subject).stream().map(RegisteredSchema::version).toList();
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        List<RegisteredSchema> versions = versionsOf(subject);
        if (version == -1) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new RegistryException(RegistryException.VERSION_NOT_FOUND, 404, "Version " + version + " not found."));
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return compatible(subject, schema);
    }

    @Override
    public synchronized String compatibility(String subject) {
        return subject == null ? globalCompatibility : compatibility.getOrDefault(subject, globalCompatibility);
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        Compatibility.parse(level);
        if (subject == null) {
            globalCompatibility = level;
        } else {
            compatibility.put(subject, level);
        }
    }

    private List<RegisteredSchema> versionsOf(String subject) {
        List<RegisteredSchema> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new RegistryException(RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
        }
        return versions;
    }

    private boolean compatible(String subject, Schema candidate) {
        List<Schema> earlier = subjects.getOrDefault(subject, List.of()).stream().map(RegisteredSchema::schema).toList();
        return Compatibility.parse(compatibility(subject)).isCompatible(candidate, earlier);
    }

    /** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
    public enum Compatibility {
        NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

        public static Compatibility parse(String level) {
            try {
                return valueOf(level);
            } catch (RuntimeException e) {
                throw new RegistryException(RegistryException.INVALID_COMPATIBILITY, 422, "Invalid compatibility level: " + level);
            }
        }

        /** Whether {@code candidate} may follow {@code earlier} (oldest first). */
        public boolean isCompatible(Schema candidate, List<Schema> earlier) {
            if (this == NONE || earlier.isEmpty()) {
                return true;
            }
            List<Schema> checked = name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
            for (Schema old : checked) {
                boolean backward = readable(candidate, old);
                boolean forward = readable(old, candidate);
                boolean ok = switch (this) {
                    case BACKWARD, BACKWARD_TRANSITIVE -> backward;
                    case FORWARD, FORWARD_TRANSITIVE -> forward;
                    default -> backward && forward;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        private static boolean readable(Schema reader, Schema writer) {
            return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                    == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        }
    }
}
