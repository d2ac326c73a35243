package dev.warta.app.registry;

import dev.warta.schemas.registry.RegistryCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link RegistryStore} in a list: state lasts as long as the object (tests, throwaway registries). Thread-safe. */
public final class InMemoryRegistryStore implements RegistryStore {
    private final List<RegistryCatalog.Entry> entries = new ArrayList<>();

    @Override
    public synchronized void replay(Consumer<RegistryCatalog.Entry> sink) {
        List.copyOf(entries).forEach(sink);
    }

    @Override
    public synchronized void append(List<? extends RegistryCatalog.Entry> more) {
        entries.addAll(more);
    }

    /** What has been stored so far, oldest first. */
    public synchronized List<RegistryCatalog.Entry> entries() {
        return List.copyOf(entries);
    }
}
