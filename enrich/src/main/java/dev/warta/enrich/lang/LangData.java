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
 * {@link LanguageBenchmark}, and splits them deterministically: an item is held out when the hash of its text
 * (or URL) falls in one fifth of the range, so training never sees what the benchmark reports on.
 */
final class LangData {

    /** NusaX column name to language code (ISO 639-1 where one exists, else ISO 639-3). */
    static final Map<String, String> NUSAX = Map.ofEntries(
            Map.entry("indonesian", "id"), Map.entry("english", "en"), Map.entry("javanese", "jv"),
            Map.entry("sundanese", "su"), Map.entry("acehnese", "ace"), Map.entry("banjarese", "bjn"),
            Map.entry("madurese", "mad"), Map.entry("ngaju", "nij"), Map.entry("balinese", "ban"),
            Map.entry("buginese", "bug"), Map.entry("minangkabau", "min"), Map.entry("toba_batak", "bbc"));

    /** The Leipzig-derived sets (label = file name); {@code ms.txt} is excluded: it is mostly mislabelled Indonesian. */
    static final List<String> LEIPZIG = List.of("af", "de", "en", "es", "fr", "id", "it", "nl", "pt", "so", "sw", "tl", "vi");

    private LangData() {
    }

    /** True for the deterministic fifth of the items that training leaves out. */
    static boolean heldOut(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return Integer.remainderUnsigned(h, 5) == 0;
    }

    static List<String> lines(Path file) throws IOException {
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
    static Map<String, List<String>> nusax(Path csv) throws IOException {
        List<String[]> rows = csv(csv);
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
    static List<String> detikBodies(Path csv) throws IOException {
        List<String[]> rows = csv(csv);
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
    static List<String> jsonlTexts(Path file) throws IOException {
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
    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.split("\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and newlines. */
    static List<String[]> csv(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row.toArray(String[]::new));
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}
