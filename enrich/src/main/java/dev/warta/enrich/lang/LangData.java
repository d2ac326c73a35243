package dev.warta.enrich.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the language-identification data sets (outside the repository) for {@link TrainLanguageModel} and
 * the language benchmark ({@code ./warta-tools lang}), and splits them deterministically: an item is held out when the hash of its text
 * (or URL) falls in one fifth of the range, so training never sees what the benchmark reports on.
 */
public final class LangData {

    /** NusaX column name to language code (ISO 639-1 where one exists, else ISO 639-3). */
    public static final Map<String, String> NUSAX = Map.ofEntries(
            Map.entry("indonesian", "id"),
            Map.entry("english", "en"),
            Map.entry("javanese", "jv"),
            Map.entry("sundanese", "su"),
            Map.entry("acehnese", "ace"),
            Map.entry("banjarese", "bjn"),
            Map.entry("madurese", "mad"),
            Map.entry("ngaju", "nij"),
            Map.entry("balinese", "ban"),
            Map.entry("buginese", "bug"),
            Map.entry("minangkabau", "min"),
            Map.entry("toba_batak", "bbc"));

    /** The Leipzig-derived sets (label = file name); {@code ms.txt} is excluded: it is mostly mislabelled Indonesian. */
    public static final List<String> LEIPZIG =
            List.of("af", "de", "en", "es", "fr", "id", "it", "nl", "pt", "so", "sw", "tl", "vi");

    private LangData() {}

    /** True for the deterministic fifth of the items that training leaves out. */
    public static boolean heldOut(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Integer.remainderUnsigned(h, 5) == 0;
    }

    public static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** NusaX rows as language code to sentences (column order). */
    public static Map<String, List<String>> nusax(Path csv) throws IOException {
        List<String[]> rows = dev.warta.enrich.Csv.read(csv).stream()
                .map(r -> r.toArray(String[]::new))
                .toList();
        String[] header = rows.get(0);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            for (int c = 0; c < header.length && c < row.length; c++) {
                String code = NUSAX.get(header[c].strip());
                if (code != null && !row[c].isBlank()) {
                    out.computeIfAbsent(code, k -> new ArrayList<>()).add(row[c].strip());
                }
            }
        }
        return out;
    }

    /** Article bodies of the Detik CSV (column {@code isi_berita}). */
    public static List<String> detikBodies(Path csv) throws IOException {
        List<String[]> rows = dev.warta.enrich.Csv.read(csv).stream()
                .map(r -> r.toArray(String[]::new))
                .toList();
        int col = List.of(rows.get(0)).indexOf("isi_berita");
        List<String> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            if (col < rows.get(r).length && !rows.get(r)[col].isBlank()) {
                out.add(rows.get(r)[col]);
            }
        }
        return out;
    }

    /** The {@code text} field of each JSON line. */
    public static List<String> jsonlTexts(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String text = node.path("text").asText("");
            if (!text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    /** Paragraphs of an article body (non-blank lines). */
    public static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.split("\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
