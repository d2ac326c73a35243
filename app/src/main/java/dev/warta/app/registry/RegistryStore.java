package dev.warta.app.registry;

import dev.warta.schemas.registry.RegistryCatalog;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the embedded registry keeps its changes: {@link KafkaRegistryStore} (the compacted {@code _schemas} topic)
 * or {@link InMemoryRegistryStore} (tests). Replaying the stored entries in order rebuilds the registry's state.
 */
public interface RegistryStore extends AutoCloseable {

    /** Feeds every stored entry, oldest first, to {@code sink}; returns once it has fed all of them. */
    void replay(Consumer<RegistryCatalog.Entry> sink);

    /**
     * Feeds the entries stored since the last {@link #replay} or {@code catchUp} (by another registry on the same
     * store, say) to {@code sink}; entries this store appended may come again. The default has nothing to feed.
     */
    default void catchUp(Consumer<RegistryCatalog.Entry> sink) {}

    /**
     * Stores {@code entries} in order and returns once they are durable.
     *
     * @throws dev.warta.schemas.registry.RegistryException 50001 when they could not be stored
     */
    void append(List<? extends RegistryCatalog.Entry> entries);

    @Override
    default void close() {}
}
