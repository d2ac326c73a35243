package dev.warta.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A directory of article files the benchmark ingests: the user's, or one generated with {@link ArticleGenerator}. */
public record Corpus(Path dir, long files, long bytes) {

    /** Writes {@code count} generated {@code .txt} articles of about {@code chars} characters into {@code dir}. */
    public static Corpus generate(Path dir, int count, int chars, long seed, long firstIndex) {
        return generate(dir, count, chars, seed, firstIndex, false);
    }

    /**
     * As above; {@code html} writes each article as a {@code .html} news page (article text of about {@code chars}
     * characters plus navigation, ads, related links and comments) instead of a {@code .txt} file.
     */
    public static Corpus generate(Path dir, int count, int chars, long seed, long firstIndex, boolean html) {
        ArticleGenerator generator = new ArticleGenerator(seed, chars);
        long bytes = 0;
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < count; i++) {
                long index = firstIndex + i;
                byte[] body = (html
                                ? generator.htmlPage(index)
                                : generator.article(index).body())
                        .getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(String.format(html ? "a%07d.html" : "a%07d.txt", index)), body);
                bytes += body.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated corpus to " + dir, e);
        }
        return new Corpus(dir, count, bytes);
    }

    /** The regular files under {@code dir} (recursively) and their total size. */
    public static Corpus of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        long[] filesAndBytes = new long[2];
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                filesAndBytes[0]++;
                try {
                    filesAndBytes[1] += Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new Corpus(dir, filesAndBytes[0], filesAndBytes[1]);
    }
}
