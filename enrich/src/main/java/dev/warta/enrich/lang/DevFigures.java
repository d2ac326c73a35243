package dev.warta.enrich.lang;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development figures of the Malay/Indonesian decision: accuracy of {@link LanguageDetector#detect} (what
 * {@code warta lang} prints) per length bucket on the held-out fifth of each set ({@link LangData#heldOut}), which
 * no training step sees, and on the NusaX test split. Printed by {@code warta train lang} after training.
 */
public final class DevFigures {

    /** Upper bounds (exclusive, in chars) of the length buckets; the last bucket is open. */
    static final int[] BUCKETS = {50, 100, 200};

    static final String[] BUCKET_NAMES = {"<50", "50-100", "100-200", ">200"};

    private DevFigures() {}

    /** Bucket index of a text of {@code length} chars. */
    static int bucket(int length) {
        int b = 0;
        while (b < BUCKETS.length && length >= BUCKETS[b]) {
            b++;
        }
        return b;
    }

    /** The held-out dev sets: name to (expected code, lines). */
    static Map<String, Map.Entry<String, List<String>>> sets(Path data) throws IOException {
        Map<String, Map.Entry<String, List<String>>> out = new LinkedHashMap<>();
        put(out, "ms malay/ms-sentences", "ms", held(lines(data.resolve("malay/ms-sentences.txt"))));
        put(out, "ms more/ms-*", "ms", held(more(data, "ms-")));
        put(out, "id sentences/id", "id", held(lines(data.resolve("sentences/id.txt"))));
        Path nusax = data.resolve("nusax/test.csv");
        put(
                out,
                "id nusax test",
                "id",
                Files.exists(nusax) ? LangData.nusax(nusax).getOrDefault("id", List.of()) : List.of());
        put(out, "id more/id-*", "id", held(more(data, "id-")));
        put(out, "en sentences/en", "en", held(lines(data.resolve("sentences/en.txt"))));
        put(
                out,
                "en nusax test",
                "en",
                Files.exists(nusax) ? LangData.nusax(nusax).getOrDefault("en", List.of()) : List.of());
        return out;
    }

    private static void put(
            Map<String, Map.Entry<String, List<String>>> out, String name, String code, List<String> lines) {
        if (!lines.isEmpty()) {
            out.put(name, Map.entry(code, lines));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? LangData.lines(file) : List.of();
    }

    private static List<String> more(Path data, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        Path dir = data.resolve("more");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList()) {
                out.addAll(LangData.lines(f));
            }
        }
        return out;
    }

    private static List<String> held(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (LangData.heldOut(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Prints accuracy per set and length bucket as a table. */
    public static void print(LanguageDetector detector, Path data, PrintStream out) throws IOException {
        out.printf(
                "%-24s %7s %7s %7s %7s %7s %6s%n",
                "dev set (held out)", "<50", "50-100", "100-200", ">200", "all", "n");
        for (var e : sets(data).entrySet()) {
            String expected = e.getValue().getKey();
            int[] ok = new int[BUCKET_NAMES.length];
            int[] n = new int[BUCKET_NAMES.length];
            for (String line : e.getValue().getValue()) {
                int b = bucket(line.length());
                n[b]++;
                if (detector.detect(line).code().equals(expected)) {
                    ok[b]++;
                }
            }
            StringBuilder row = new StringBuilder(String.format("%-24s", e.getKey()));
            int okAll = 0;
            int nAll = 0;
            for (int b = 0; b < n.length; b++) {
                row.append(n[b] == 0 ? String.format(" %7s", "-") : String.format(" %7.2f", 100.0 * ok[b] / n[b]));
                okAll += ok[b];
                nAll += n[b];
            }
            out.println(row.append(String.format(" %7.2f %6d", 100.0 * okAll / nAll, nAll)));
        }
    }
}
