package dev.warta.schemas.registry;

import dev.warta.schemas.registry.InMemorySchemaRegistry.Compatibility;
import dev.warta.schemas.registry.SchemaRegistry.RegisteredSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The state of a Confluent-style registry, with its rules: global ids shared by equal schemas across subjects,
 * versions per subject, soft-deleted subjects, compatibility levels (global default BACKWARD_TRANSITIVE).
 *
 * <p>State changes only through {@link #apply(Entry)}; the {@code plan*} methods compute the entries a request
 * would store without changing anything, so a caller can make them durable first (the embedded registry writes
 * them to {@code _schemas} and applies them once acknowledged; replaying the stored entries rebuilds the same
 * state). Not thread-safe: callers synchronize.
 *
 * <p>{@code
 * RegistryCatalog catalog = new RegistryCatalog();
 * Registration r = catalog.planRegistration("news.raw-value", schema);
 * r.entry().ifPresent(catalog::apply);
 * }
 */
public final class RegistryCatalog {
    /** The default global compatibility level. */
    public static final String DEFAULT_COMPATIBILITY = Compatibility.BACKWARD_TRANSITIVE.name();

    /** A stored change of the registry. */
    public sealed interface Entry permits SchemaEntry, ConfigEntry {}

    /** Version {@code version} of {@code subject} is the schema with global id {@code id} ({@code deleted}: soft). */
    public record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) implements Entry {}

    /** Compatibility {@code level} of {@code subject} (null subject: global; null level: unset). */
    public record ConfigEntry(String subject, String level) implements Entry {}

    /** What registering would return, and the entry to store first (empty when already registered). */
    public record Registration(RegisteredSchema registered, Optional<SchemaEntry> entry) {}

    /** A subject and version under which a schema id is registered. */
    public record SubjectVersion(String subject, int version) {}

    private record Version(int version, int id, boolean deleted) {}

    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    private final Map<String, List<Version>> subjects = new LinkedHashMap<>();
    private final Map<String, String> subjectCompatibility = new HashMap<>();
    private String globalCompatibility = DEFAULT_COMPATIBILITY;
    private int maxId;

    /** Applies a stored change (idempotent: re-applying an entry leaves the state as it was). */
    public void apply(Entry entry) {
        if (entry instanceof SchemaEntry s) {
            applySchema(s);
        } else if (entry instanceof ConfigEntry c) {
            if (c.subject() == null) {
                globalCompatibility = c.level() == null ? DEFAULT_COMPATIBILITY : c.level();
            } else if (c.level() == null) {
                subjectCompatibility.remove(c.subject());
            } else {
                subjectCompatibility.put(c.subject(), c.level());
            }
        }
    }

    private void applySchema(SchemaEntry s) {
        Schema schema = schemaById.get(s.id());
        if (schema == null) {
            schema = parse(s.schema());
            schemaById.put(s.id(), schema);
            idByCanonical.putIfAbsent(schema.toString(), s.id());
        }
        maxId = Math.max(maxId, s.id());
        List<Version> versions = subjects.computeIfAbsent(s.subject(), k -> new ArrayList<>());
        Version v = new Version(s.version(), s.id(), s.deleted());
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() == s.version()) {
                versions.set(i, v);
                return;
            }
        }
        versions.add(v);
        versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
    }

    /**
     * What registering {@code schema} under {@code subject} means: the existing version when it is already a live
     * version there, else a new version (with the id the schema already has anywhere, or the next id).
     *
     * @throws RegistryException 409 when it is incompatible under the subject's level
     */
    public Registration planRegistration(String subject, Schema schema) {
        Optional<RegisteredSchema> existing = find(subject, schema, false);
        if (existing.isPresent()) {
            return new Registration(existing.get(), Optional.empty());
        }
        List<String> problems = incompatibilities(subject, schema);
        if (!problems.isEmpty()) {
            throw new RegistryException(
                    RegistryException.INCOMPATIBLE,
                    409,
                    "Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\" ("
                            + compatibility(subject) + "): " + String.join("; ", problems));
        }
        String canonical = schema.toString();
        int id = idByCanonical.getOrDefault(canonical, maxId + 1);
        List<Version> versions = subjects.getOrDefault(subject, List.of());
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        SchemaEntry entry = new SchemaEntry(subject, version, id, canonical, false);
        return new Registration(new RegisteredSchema(subject, version, id, schema), Optional.of(entry));
    }

    /** The entries that soft-delete every live version of {@code subject}; 40401 when it has none. */
    public List<SchemaEntry> planSubjectDeletion(String subject) {
        List<SchemaEntry> entries = new ArrayList<>();
        for (Version v : live(subject)) {
            entries.add(new SchemaEntry(
                    subject, v.version(), v.id(), schemaById.get(v.id()).toString(), true));
        }
        return entries;
    }

    /** The entry that sets a compatibility level, after checking the level; 42203 when it is not one. */
    public ConfigEntry planCompatibility(String subject, String level) {
        Compatibility.parse(level);
        return new ConfigEntry(subject, level);
    }

    /** The live (or, with {@code includeDeleted}, any) version of {@code subject} that is {@code schema}. */
    public Optional<RegisteredSchema> find(String subject, Schema schema, boolean includeDeleted) {
        Integer id = idByCanonical.get(schema.toString());
        if (id == null) {
            return Optional.empty();
        }
        for (Version v : subjects.getOrDefault(subject, List.of())) {
            if (v.id() == id && (includeDeleted || !v.deleted())) {
                return Optional.of(new RegisteredSchema(subject, v.version(), id, schemaById.get(id)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code subject} has a version, live or (with {@code includeDeleted}) deleted. */
    public boolean hasSubject(String subject, boolean includeDeleted) {
        return subjects.getOrDefault(subject, List.of()).stream().anyMatch(v -> includeDeleted || !v.deleted());
    }

    /** The schema with global id {@code id}, if any. */
    public Optional<Schema> schema(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    /** Subjects and versions that use schema {@code id} (deleted ones only with {@code includeDeleted}). */
    public List<SubjectVersion> subjectVersions(int id, boolean includeDeleted) {
        List<SubjectVersion> out = new ArrayList<>();
        subjects.forEach((subject, versions) -> {
            for (Version v : versions) {
                if (v.id() == id && (includeDeleted || !v.deleted())) {
                    out.add(new SubjectVersion(subject, v.version()));
                }
            }
        });
        return out;
    }

    /** Subjects with a live version (or any version with {@code includeDeleted}), sorted. */
    public List<String> subjects(boolean includeDeleted) {
        TreeSet<String> out = new TreeSet<>();
        subjects.keySet().stream().filter(s -> hasSubject(s, includeDeleted)).forEach(out::add);
        return List.copyOf(out);
    }

    /** Versions of {@code subject}, ascending; 40401 when it has none. */
    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<Version> versions = includeDeleted ? subjects.getOrDefault(subject, List.of()) : live(subject);
        if (versions.isEmpty()) {
            throw subjectNotFound(subject);
        }
        return versions.stream().map(Version::version).toList();
    }

    /** Version {@code version} ({@code -1}: latest) of {@code subject}; 40401 / 40402 when missing. */
    public RegisteredSchema version(String subject, int version, boolean includeDeleted) {
        List<Version> versions = includeDeleted ? subjects.getOrDefault(subject, List.of()) : live(subject);
        if (versions.isEmpty()) {
            throw subjectNotFound(subject);
        }
        Version found = null;
        if (version == -1) {
            found = versions.get(versions.size() - 1);
        } else {
            for (Version v : versions) {
                if (v.version() == version) {
                    found = v;
                }
            }
        }
        if (found == null) {
            throw new RegistryException(RegistryException.VERSION_NOT_FOUND, 404, "Version " + version + " not found.");
        }
        return new RegisteredSchema(subject, found.version(), found.id(), schemaById.get(found.id()));
    }

    /** Why {@code candidate} may not follow the live versions of {@code subject}; empty when it may. */
    public List<String> incompatibilities(String subject, Schema candidate) {
        List<Schema> earlier = new ArrayList<>();
        for (Version v : subjects.getOrDefault(subject, List.of())) {
            if (!v.deleted()) {
                earlier.add(schemaById.get(v.id()));
            }
        }
        return Compatibility.parse(compatibility(subject)).incompatibilities(candidate, earlier);
    }

    /** The level that applies to {@code subject}: its own, else the global one (null subject: global). */
    public String compatibility(String subject) {
        return subject == null ? globalCompatibility : subjectCompatibility.getOrDefault(subject, globalCompatibility);
    }

    /** The level set on {@code subject} itself, if any. */
    public Optional<String> subjectCompatibility(String subject) {
        return Optional.ofNullable(subjectCompatibility.get(subject));
    }

    private List<Version> live(String subject) {
        List<Version> out = new ArrayList<>();
        for (Version v : subjects.getOrDefault(subject, List.of())) {
            if (!v.deleted()) {
                out.add(v);
            }
        }
        return out;
    }

    private static RegistryException subjectNotFound(String subject) {
        return new RegistryException(RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
    }

    /** Parses an Avro schema; 42201 with Avro's reason when it is not one. */
    public static Schema parse(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new RegistryException(RegistryException.INVALID_SCHEMA, 422, "Invalid schema: empty");
        }
        try {
            return new Schema.Parser().parse(schema);
        } catch (RuntimeException e) {
            throw new RegistryException(
                    RegistryException.INVALID_SCHEMA,
                    422,
                    "Invalid schema " + abbreviate(schema) + ": " + e.getMessage(),
                    e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
