package dev.warta.ingest;

import dev.warta.ingest.fetch.PageFetcher;
import dev.warta.ingest.source.FeedSource;
import dev.warta.ingest.source.FileSource;
import dev.warta.ingest.source.HtmlPageSource;
import dev.warta.ingest.source.JsonlSource;
import dev.warta.ingest.source.Records;
import dev.warta.ingest.source.TextPageSource;
import dev.warta.ingest.source.WarcSource;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Turns files into {@link Item}s without Kafka (used by ingest and by the offline {@code warta analyze}), each
 * through the {@link FileSource} that claims its extension: {@code .txt}, {@code .html}/{@code .htm} (optionally {@code .gz}),
 * {@code .jsonl}/{@code .ndjson} (optionally {@code .gz}), {@code .warc}/{@code .warc.gz}/{@code .arc}/{@code .arc.gz},
 * {@code .xml}/{@code .rss}/{@code .atom} (feeds). Provenance is the path for single-page files and {@code path#N}
 * for the N-th record (N from 1) of a JSONL or WARC file.
 *
 * <pre>{@code
 * Sources sources = new Sources(IngestLimits.defaults(), PageFetcher.disabled());
 * sources.forEach(Path.of("page.html"), item -> ...);
 * }</pre>
 * Thread-safe.
 */
public final class Sources {
    private final HtmlPageSource html;
    private final JsonlSource jsonl;
    private final FeedSource feed;
    /** Every file source, in the order their extensions are matched. */
    private final List<FileSource> files;

    public Sources(IngestLimits limits, PageFetcher fetcher) {
        this.html = new HtmlPageSource(limits);
        this.jsonl = new JsonlSource(limits);
        this.feed = new FeedSource(limits, fetcher);
        this.files = List.of(new TextPageSource(limits), html, jsonl, new WarcSource(limits), feed);
    }

    /** Sources with default limits that never fetch pages. */
    public static Sources offline() {
        return new Sources(IngestLimits.defaults(), PageFetcher.disabled());
    }

    /** All items of one file, in order. For very large JSONL/WARC files prefer {@link #forEach}. */
    public static List<Item> read(Path path) {
        List<Item> items = new ArrayList<>();
        offline().forEach(path, items::add);
        return items;
    }

    /** The source that reads {@code path}, from its name, or null when ingest does not read such files. */
    public FileSource sourceFor(Path path) {
        String name =
                path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        for (FileSource source : files) {
            for (String extension : source.extensions()) {
                if (name.endsWith(extension)) {
                    return source;
                }
            }
        }
        return null;
    }

    /** Reads one file, giving each item to {@code out}; an unknown extension gives a dead letter. */
    public void forEach(Path path, Consumer<Item> out) {
        forEach(path, id -> false, out);
    }

    /** As {@link #forEach(Path, Consumer)}; feed items whose id {@code known} accepts are not fetched again. */
    public void forEach(Path path, Predicate<String> known, Consumer<Item> out) {
        FileSource source = sourceFor(path);
        if (source == null) {
            String s = path.toString();
            out.accept(
                    new Item.Dead(Records.deadLetter("unsupported-type", "no reader for " + s, null, s, s, null, 0)));
            return;
        }
        source.read(path, known, out);
    }

    /** The feed reader (for feed URLs). */
    public FeedSource feeds() {
        return feed;
    }

    /** The HTML reader (for pages posted over HTTP). */
    public HtmlPageSource html() {
        return html;
    }

    /** The JSONL reader (for objects posted over HTTP). */
    public JsonlSource jsonl() {
        return jsonl;
    }

    /**
     * The readable files under {@code paths} (directories recursively, hidden files and unknown extensions skipped),
     * in a stable order (sorted by path).
     */
    public List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()
                                && !f.getFileName().toString().startsWith(".")
                                && sourceFor(f) != null) {
                            found.add(f);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        found.add(f); // the reader turns it into a dead letter
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(Comparator.comparing(Path::toString));
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
