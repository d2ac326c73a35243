package dev.warta.ingest.source;

import dev.warta.ingest.Item;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A reader of one kind of input file: the files it claims by name, and how it turns one into {@link Item}s
 * (articles, skipped records, dead letters). A new kind of file is a new implementation plus one line in the list of
 * file sources in {@link dev.warta.ingest.Sources}'s constructor. Implementations are thread-safe.
 */
public interface FileSource {
    /**
     * The file name endings this source reads, lower case with the dot ({@code ".txt"}); a name ending in one of
     * them plus {@code .gz} is read too.
     */
    List<String> extensions();

    /** Reads one file, giving each item to {@code out}, in order; an unreadable file gives a dead letter. */
    void read(Path path, Consumer<Item> out);

    /**
     * As {@link #read(Path, Consumer)}; {@code known} says which article ids are already published, for sources
     * that can save work on those (a feed does not fetch their pages again). Most sources ignore it.
     */
    default void read(Path path, Predicate<String> known, Consumer<Item> out) {
        read(path, out);
    }
}
