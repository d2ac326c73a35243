package dev.warta.schemas.registry;

import java.io.Closeable;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes and tools need. Implementations: {@link
 * RestSchemaRegistryClient} (any Confluent-compatible registry over HTTP) and {@link InMemorySchemaRegistry}
 * (a process-local registry, for tests and offline tools).
 */
public interface SchemaRegistry extends Closeable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is registered under {@code subject}; {@link RegistryException} otherwise. */
    int lookup(String subject, Schema schema);

    /** The schema with global id {@code id}; {@link RegistryException} with code 40403 when unknown. */
    Schema getById(int id);

    /** Registered versions of {@code subject}, ascending; 40401 when the subject is unknown. */
    List<Integer> versions(String subject);

    /** The schema registered as {@code version} of {@code subject} ({@code -1} = latest). */
    RegisteredSchema getVersion(String subject, int version);

    /** Whether {@code schema} is compatible with the versions of {@code subject} under its compatibility level. */
    boolean testCompatibility(String subject, Schema schema);

    /** Compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    String compatibility(String subject);

    /** Sets the compatibility level of {@code subject}, or the global one when {@code subject} is null. */
    void setCompatibility(String subject, String level);

    @Override
    default void close() {}

    /** A schema as registered: subject, version, global id. */
    record RegisteredSchema(String subject, int version, int id, Schema schema) {}
}
