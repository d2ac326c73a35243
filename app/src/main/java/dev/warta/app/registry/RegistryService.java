package dev.warta.app.registry;

import dev.warta.schemas.registry.RegistryCatalog;
import dev.warta.schemas.registry.RegistryCatalog.SubjectVersion;
import dev.warta.schemas.registry.RegistryException;
import dev.warta.schemas.registry.SchemaRegistry;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's logic: a {@link RegistryCatalog} made durable by a {@link RegistryStore}. Every change
 * is stored (and acknowledged) before it is applied and answered, so what a client was told survives a restart.
 * Before a write, and when a schema or id is not known, it first catches up with entries other registries stored
 * (so two registries on one cluster agree on ids unless they register at the same instant: there is no leader
 * election). Also usable in-process as a {@link SchemaRegistry}. Thread-safe (one lock; writes are rare).
 */
public final class RegistryService implements SchemaRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);

    private final RegistryCatalog catalog = new RegistryCatalog();
    private final RegistryStore store;

    /** A service whose state is rebuilt from {@code store} now. */
    public RegistryService(RegistryStore store) {
        this.store = store;
        synchronized (this) {
            store.replay(this::applyStored);
        }
    }

    private void applyStored(RegistryCatalog.Entry entry) {
        try {
            catalog.apply(entry);
        } catch (RuntimeException e) {
            LOG.warn("skipping a stored registry entry that cannot be applied: {}: {}", entry, e.getMessage());
        }
    }

    /** Applies what other registries on the same store wrote since; called before writes and on a miss. */
    private void catchUp() {
        store.catchUp(this::applyStored);
    }

    @Override
    public int register(String subject, Schema schema) {
        return registerVersion(subject, schema).id();
    }

    /** Registers {@code schema} under {@code subject} (idempotent); 409 when incompatible. */
    public synchronized RegisteredSchema registerVersion(String subject, Schema schema) {
        if (catalog.find(subject, schema, false).isEmpty()) {
            catchUp();
        }
        RegistryCatalog.Registration r = catalog.planRegistration(subject, schema);
        if (r.entry().isPresent()) {
            store.append(List.of(r.entry().get()));
            catalog.apply(r.entry().get());
            LOG.info(
                    "registered {} version {} as id {}",
                    subject,
                    r.registered().version(),
                    r.registered().id());
        }
        return r.registered();
    }

    @Override
    public int lookup(String subject, Schema schema) {
        return lookupVersion(subject, schema, false).id();
    }

    /** The version of {@code subject} that is {@code schema}: 40401 without the subject, 40403 without the schema. */
    public synchronized RegisteredSchema lookupVersion(String subject, Schema schema, boolean includeDeleted) {
        if (catalog.find(subject, schema, includeDeleted).isEmpty()) {
            catchUp();
        }
        if (!catalog.hasSubject(subject, includeDeleted)) {
            throw new RegistryException(
                    RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
        }
        return catalog.find(subject, schema, includeDeleted)
                .orElseThrow(() -> new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema not found"));
    }

    @Override
    public synchronized Schema getById(int id) {
        if (catalog.schema(id).isEmpty()) {
            catchUp();
        }
        return catalog.schema(id)
                .orElseThrow(() ->
                        new RegistryException(RegistryException.SCHEMA_NOT_FOUND, 404, "Schema " + id + " not found"));
    }

    /** Where schema {@code id} is registered; 40403 when the id is unknown. */
    public synchronized List<SubjectVersion> subjectVersions(int id, boolean includeDeleted) {
        getById(id);
        return catalog.subjectVersions(id, includeDeleted);
    }

    /** Subjects, sorted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        return catalog.subjects(includeDeleted);
    }

    @Override
    public List<Integer> versions(String subject) {
        return versions(subject, false);
    }

    /** Versions of {@code subject}; 40401 when none. */
    public synchronized List<Integer> versions(String subject, boolean includeDeleted) {
        return catalog.versions(subject, includeDeleted);
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return getVersion(subject, version, false);
    }

    /** Version {@code version} ({@code -1} = latest) of {@code subject}. */
    public synchronized RegisteredSchema getVersion(String subject, int version, boolean includeDeleted) {
        return catalog.version(subject, version, includeDeleted);
    }

    /** Soft-deletes every version of {@code subject}; returns the versions deleted; 40401 when none. */
    public synchronized List<Integer> deleteSubject(String subject) {
        catchUp();
        List<RegistryCatalog.SchemaEntry> entries = catalog.planSubjectDeletion(subject);
        if (entries.isEmpty()) {
            throw new RegistryException(
                    RegistryException.SUBJECT_NOT_FOUND, 404, "Subject '" + subject + "' not found.");
        }
        store.append(entries);
        entries.forEach(catalog::apply);
        return entries.stream().map(RegistryCatalog.SchemaEntry::version).toList();
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return incompatibilities(subject, schema).isEmpty();
    }

    /** Why {@code schema} may not follow the versions of {@code subject} under its level; empty when it may. */
    public synchronized List<String> incompatibilities(String subject, Schema schema) {
        return catalog.incompatibilities(subject, schema);
    }

    /** Why {@code schema} may not follow one version of {@code subject}, in the direction(s) of its level. */
    public synchronized List<String> incompatibilitiesWith(String subject, int version, Schema schema) {
        RegisteredSchema old = catalog.version(subject, version, false);
        String level = catalog.compatibility(subject).replace("_TRANSITIVE", "");
        return dev.warta.schemas.registry.InMemorySchemaRegistry.Compatibility.parse(level)
                .incompatibilities(schema, List.of(old.schema()));
    }

    @Override
    public synchronized String compatibility(String subject) {
        return catalog.compatibility(subject);
    }

    /** The level set on {@code subject} itself, if any. */
    public synchronized Optional<String> subjectCompatibility(String subject) {
        return catalog.subjectCompatibility(subject);
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        catchUp();
        RegistryCatalog.ConfigEntry entry = catalog.planCompatibility(subject, level);
        store.append(List.of(entry));
        catalog.apply(entry);
    }

    /** Removes the level set on {@code subject} (it follows the global one again); returns the old one. */
    public synchronized Optional<String> clearCompatibility(String subject) {
        Optional<String> old = catalog.subjectCompatibility(subject);
        if (old.isPresent()) {
            RegistryCatalog.ConfigEntry entry = new RegistryCatalog.ConfigEntry(subject, null);
            store.append(List.of(entry));
            catalog.apply(entry);
        }
        return old;
    }
}
