package dev.warta.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in this process: global ids, subjects with versions, compatibility levels (default
 * BACKWARD_TRANSITIVE), with the rules of {@link RegistryCatalog}. Used by offline tools and tests via the
 * {@code mem://<scope>} URL; instances are shared per scope so that a serializer and a deserializer configured
 * with the same URL see the same schemas. Thread-safe.
 */
public class InMemorySchemaRegistry implements SchemaRegistry {
    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final RegistryCatalog catalog = new RegistryCatalog();

    /** The registry of a named scope, created on first use. */
    public static InMemorySchemaRegistry scope(String name) {
        return SCOPES.computeIfAbsent(name, n -> new InMemorySchemaRegistry());
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        RegistryCatalog.Registration registration = catalog.planRegistration(subject, schema);
        registration.entry().ifPresent(catalog::apply);
        return registration.registered().id();
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        if (!catalog.hasSubject(subject, false)) {
            throw new RegistryException(
                    RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
        }
        return catalog.find(subject, schema, false)
                .map(RegisteredSchema::id)
                .orElseThrow(() -> new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema not found"));
    }

    @Override
    public synchronized Schema getById(int id) {
        return catalog.schema(id)
                .orElseThrow(() ->
                        new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema " + id + " not found"));
    }

    @Override
    public synchronized List<Integer> versions(String subject) {
        return catalog.versions(subject, false);
    }

    @Override
    public synchronized RegisteredSchema getVersion(String subject, int version) {
        return catalog.version(subject, version, false);
    }

    @Override
    public synchronized boolean testCompatibility(String subject, Schema schema) {
        return catalog.incompatibilities(subject, schema).isEmpty();
    }

    @Override
    public synchronized String compatibility(String subject) {
        return catalog.compatibility(subject);
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        catalog.apply(catalog.planCompatibility(subject, level));
    }

    /** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
    public enum Compatibility {
        NONE,
        BACKWARD,
        BACKWARD_TRANSITIVE,
        FORWARD,
        FORWARD_TRANSITIVE,
        FULL,
        FULL_TRANSITIVE;

        public static Compatibility parse(String level) {
            try {
                return valueOf(level);
            } catch (RuntimeException e) {
                throw new RegistryException(
                        RegistryException.INVALID_COMPATIBILITY, 422, "Invalid compatibility level: " + level);
            }
        }

        /** Whether {@code candidate} may follow {@code earlier} (oldest first). */
        public boolean isCompatible(Schema candidate, List<Schema> earlier) {
            return incompatibilities(candidate, earlier).isEmpty();
        }

        /** Why {@code candidate} may not follow {@code earlier} (oldest first); empty when it may. */
        public List<String> incompatibilities(Schema candidate, List<Schema> earlier) {
            if (this == NONE || earlier.isEmpty()) {
                return List.of();
            }
            List<Schema> checked = name().endsWith("_TRANSITIVE") ? earlier : List.of(earlier.get(earlier.size() - 1));
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < checked.size(); i++) {
                Schema old = checked.get(i);
                String label = "version #" + (earlier.size() - checked.size() + i + 1);
                if (this != FORWARD && this != FORWARD_TRANSITIVE) {
                    problem(candidate, old, "new schema cannot read data written with " + label, problems);
                }
                if (this != BACKWARD && this != BACKWARD_TRANSITIVE) {
                    problem(old, candidate, label + " cannot read data written with the new schema", problems);
                }
            }
            return problems;
        }

        private static void problem(Schema reader, Schema writer, String what, List<String> problems) {
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                StringBuilder sb = new StringBuilder(what);
                for (SchemaCompatibility.Incompatibility inc :
                        result.getResult().getIncompatibilities()) {
                    sb.append(" [")
                            .append(inc.getType())
                            .append(" at ")
                            .append(inc.getLocation())
                            .append(": ")
                            .append(inc.getMessage())
                            .append(']');
                }
                problems.add(sb.toString());
            }
        }
    }
}
