package dev.warta.enrich.ner.en;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the {@link EnLexicon} from the shared data (deterministic): word clusters and capitalisation classes from
 * unlabelled English text (the CoNLL-2003 training sentences without their tags, the English lines of
 * {@code lang/sentences/en.txt} and of the NusaX parallel sentences, and the English pages of
 * {@code extract/fundus/}), and gazetteer phrases from {@code ner/gazetteer/} (countries, capitals, world cities,
 * universities, companies). Clusters: spherical k-means over square-root distributions of left and right
 * neighbours, a coarse and a fine partition.
 */
final class EnLexiconBuild {
    static final int MIN_COUNT = 3;
    static final int CONTEXTS = 800;
    static final int COARSE = 48;
    static final int FINE = 320;
    static final int ITERATIONS = 12;
    /** Share of English function words above which a page counts as English text. */
    private static final double ENGLISH_SHARE = 0.12;

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "he", "it", "by",
            "as", "at", "from", "has", "have", "are");

    private EnLexiconBuild() {}

    static EnLexicon build(Path data, List<String[]> labelledText) throws IOException {
        List<String[]> text = new ArrayList<>(labelledText);
        text.addAll(unlabelled(data));
        long tokens = text.stream().mapToLong(s -> s.length).sum();
        System.out.printf("en lexicon: %d sentences, %d tokens of unlabelled English%n", text.size(), tokens);
        Map<String, Integer> words = words(text);
        Map<String, Integer> phrases = gazetteer(data.resolve("ner/gazetteer"));
        System.out.printf("en lexicon: %d words, %d gazetteer phrases%n", words.size(), phrases.size());
        return new EnLexicon(words, phrases);
    }

    /** English sentences (tokenized) from the unlabelled sources. */
    static List<String[]> unlabelled(Path data) throws IOException {
        List<String[]> out = new ArrayList<>();
        Path sentences = data.resolve("lang/sentences/en.txt");
        if (Files.isRegularFile(sentences)) {
            for (String line : Files.readAllLines(sentences, StandardCharsets.UTF_8)) {
                addText(out, line);
            }
        }
        for (String split : List.of("train", "valid", "test")) {
            Path csv = data.resolve("lang/nusax/" + split + ".csv");
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<List<String>> rows = csv(csv);
            int col = rows.isEmpty() ? -1 : rows.get(0).indexOf("english");
            for (int r = 1; col >= 0 && r < rows.size(); r++) {
                if (col < rows.get(r).size()) {
                    addText(out, rows.get(r).get(col));
                }
            }
        }
        Path fundus = data.resolve("extract/fundus");
        if (Files.isDirectory(fundus)) {
            ObjectMapper json = new ObjectMapper();
            List<Path> files;
            try (Stream<Path> s = Files.walk(fundus)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            for (Path f : files) {
                JsonNode root = json.readTree(f.toFile());
                List<String> paragraphs = new ArrayList<>();
                for (JsonNode version : root) {
                    for (JsonNode section : version.path("body").path("sections")) {
                        section.path("headline").forEach(h -> paragraphs.add(h.asText()));
                        section.path("paragraphs").forEach(p -> paragraphs.add(p.asText()));
                    }
                    break; // the first version only: later ones repeat the page
                }
                if (english(String.join(" ", paragraphs))) {
                    paragraphs.forEach(p -> addText(out, p));
                }
            }
        }
        return out;
    }

    private static boolean english(String text) {
        String[] w = EnTokenizer.words(text);
        if (w.length < 50) {
            return false;
        }
        long fn = Arrays.stream(w)
                .filter(t -> FUNCTION_WORDS.contains(EnLexicon.lower(t)))
                .count();
        return fn >= ENGLISH_SHARE * w.length;
    }

    private static void addText(List<String[]> out, String text) {
        for (List<EnTokenizer.Token> s : EnTokenizer.sentences(text)) {
            out.add(s.stream().map(EnTokenizer.Token::text).toArray(String[]::new));
        }
    }

    /** Packed {@link EnLexicon} word info: clusters and capitalisation class. */
    static Map<String, Integer> words(List<String[]> text) {
        Map<String, int[]> counts = new HashMap<>(); // total, lowercase, capitalised mid-sentence
        for (String[] s : text) {
            boolean cased = false;
            for (String t : s) {
                cased |= t.chars().anyMatch(Character::isLowerCase);
            }
            for (int i = 0; i < s.length; i++) {
                String t = s[i];
                int[] c = counts.computeIfAbsent(EnLexicon.lower(t), k -> new int[3]);
                c[0]++;
                if (!cased) {
                    continue;
                }
                if (t.chars().noneMatch(Character::isUpperCase)) {
                    c[1]++;
                } else if (i > 0 && Character.isUpperCase(t.charAt(0)) && !opensSentence(s[i - 1])) {
                    c[2]++;
                }
            }
        }
        List<String> vocab = counts.entrySet().stream()
                .filter(e -> e.getValue()[0] >= MIN_COUNT)
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
                        ? b.getValue()[0] - a.getValue()[0]
                        : a.getKey().compareTo(b.getKey()))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        float[][] vectors = contextVectors(text, vocab, index);
        int[] fine = kmeans(vectors, Math.min(FINE, vocab.size()), 1);
        int[] coarse = kmeans(vectors, Math.min(COARSE, vocab.size()), 2);
        Map<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            int caps = capsClass(c[1], c[2]);
            Integer v = index.get(e.getKey());
            if (v == null && caps == 0) {
                continue;
            }
            out.put(e.getKey(), EnLexicon.pack(v == null ? 0 : coarse[v] + 1, v == null ? 0 : fine[v] + 1, caps));
        }
        return out;
    }

    private static boolean opensSentence(String prev) {
        return prev.equals("\"")
                || prev.equals("(")
                || prev.equals(":")
                || prev.equals("-")
                || prev.equals("“")
                || prev.equals("'")
                || prev.equals("--");
    }

    /** 0 unknown, 1 almost always lowercase ... 4 almost always capitalised. */
    static int capsClass(int lower, int capital) {
        int n = lower + capital;
        if (n < 2) {
            return 0;
        }
        double share = lower / (double) n;
        return share >= 0.9 ? 1 : share >= 0.5 ? 2 : share >= 0.1 ? 3 : 4;
    }

    private static float[][] contextVectors(List<String[]> text, List<String> vocab, Map<String, Integer> index) {
        int dims = 2 * (CONTEXTS + 1);
        float[][] v = new float[vocab.size()][dims];
        for (String[] s : text) {
            int[] ids = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                Integer id = index.get(EnLexicon.lower(s[i]));
                ids[i] = id == null ? -1 : id;
            }
            for (int i = 0; i < s.length; i++) {
                if (ids[i] < 0) {
                    continue;
                }
                int left = i == 0 ? CONTEXTS : ids[i - 1] >= 0 && ids[i - 1] < CONTEXTS ? ids[i - 1] : CONTEXTS;
                int right =
                        i + 1 == s.length ? CONTEXTS : ids[i + 1] >= 0 && ids[i + 1] < CONTEXTS ? ids[i + 1] : CONTEXTS;
                v[ids[i]][left]++;
                v[ids[i]][CONTEXTS + 1 + right]++;
            }
        }
        for (float[] row : v) {
            double norm = 0;
            for (int d = 0; d < row.length; d++) {
                row[d] = (float) Math.sqrt(row[d]);
                norm += row[d] * row[d];
            }
            float inv = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
            for (int d = 0; d < row.length; d++) {
                row[d] *= inv;
            }
        }
        return v;
    }

    /** Spherical k-means, deterministic: centroids start at words spread over the frequency ranks. */
    static int[] kmeans(float[][] v, int k, int salt) {
        int n = v.length;
        int dims = n == 0 ? 0 : v[0].length;
        int[] assign = new int[n];
        if (n == 0) {
            return assign;
        }
        float[][] c = new float[k][];
        for (int j = 0; j < k; j++) {
            c[j] = v[(int) ((long) j * n / k + salt) % n].clone();
        }
        // sparse rows: the non-zero dims of each word
        int[][] nz = new int[n][];
        for (int i = 0; i < n; i++) {
            int cnt = 0;
            for (float x : v[i]) {
                cnt += x != 0 ? 1 : 0;
            }
            int[] idx = new int[cnt];
            for (int d = 0, p = 0; d < dims; d++) {
                if (v[i][d] != 0) {
                    idx[p++] = d;
                }
            }
            nz[i] = idx;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            for (int i = 0; i < n; i++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j < k; j++) {
                    float dot = 0;
                    float[] cj = c[j];
                    for (int d : nz[i]) {
                        dot += cj[d] * v[i][d];
                    }
                    if (dot > best) {
                        best = dot;
                        arg = j;
                    }
                }
                assign[i] = arg;
            }
            for (int j = 0; j < k; j++) {
                Arrays.fill(c[j], 0);
            }
            for (int i = 0; i < n; i++) {
                float[] cj = c[assign[i]];
                for (int d : nz[i]) {
                    cj[d] += v[i][d];
                }
            }
            for (int j = 0; j < k; j++) {
                double norm = 0;
                for (float x : c[j]) {
                    norm += x * x;
                }
                if (norm == 0) {
                    c[j] = v[(j * 7919 + it) % n].clone();
                    continue;
                }
                float inv = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < dims; d++) {
                    c[j][d] *= inv;
                }
            }
        }
        return assign;
    }

    /** Lowercased gazetteer phrases and their kinds from the shared CSV lists. */
    static Map<String, Integer> gazetteer(Path dir) throws IOException {
        Map<String, Integer> out = new TreeMap<>();
        int country = kind("country");
        int capital = kind("capital");
        int city = kind("city");
        Path countries = dir.resolve("world-countries-id.csv");
        if (Files.isRegularFile(countries)) {
            List<List<String>> rows = csv(countries);
            List<String> h = rows.get(0);
            for (List<String> r : rows.subList(1, rows.size())) {
                for (String col : List.of("name_en_common", "name_en_official", "name_id")) {
                    put(out, field(r, h, col), country);
                }
                for (String col : List.of("capital_en", "capital_id")) {
                    for (String c : field(r, h, col).split(";")) {
                        put(out, c, capital);
                    }
                }
            }
        }
        Path cldr = dir.resolve("world-cities-cldr.csv");
        if (Files.isRegularFile(cldr)) {
            List<List<String>> rows = csv(cldr);
            for (List<String> r : rows.subList(1, rows.size())) {
                put(out, field(r, rows.get(0), "city_en"), city);
                put(out, field(r, rows.get(0), "city_id"), city);
            }
        }
        Path geo = dir.resolve("world-cities-geonames15000.csv");
        if (Files.isRegularFile(geo)) {
            List<List<String>> rows = csv(geo);
            for (List<String> r : rows.subList(1, rows.size())) {
                put(out, field(r, rows.get(0), "name"), city);
                put(out, field(r, rows.get(0), "subcountry"), kind("region"));
            }
        }
        Path uni = dir.resolve("world-universities.csv");
        if (Files.isRegularFile(uni)) {
            List<List<String>> rows = csv(uni);
            for (List<String> r : rows.subList(1, rows.size())) {
                put(out, field(r, rows.get(0), "name"), kind("university"));
            }
        }
        Path companies = dir.resolve("id-companies-idx.csv");
        if (Files.isRegularFile(companies)) {
            List<List<String>> rows = csv(companies);
            List<String> h = rows.get(0);
            for (List<String> r : rows.subList(1, rows.size())) {
                for (String col : h) {
                    if (col.contains("name")) {
                        put(out, field(r, h, col), kind("company"));
                    }
                }
            }
        }
        return out;
    }

    private static int kind(String name) {
        return Arrays.asList(EnLexicon.KINDS).indexOf(name);
    }

    private static String field(List<String> row, List<String> header, String col) {
        int i = header.indexOf(col);
        return i >= 0 && i < row.size() ? row.get(i).strip() : "";
    }

    /** Adds a phrase unless it is empty or one all-lowercase word; a kind seen earlier wins (countries first). */
    private static void put(Map<String, Integer> out, String name, int kind) {
        if (name.isBlank()) {
            return;
        }
        String[] toks = EnTokenizer.words(name);
        if (toks.length == 0 || toks.length > 8 || toks.length == 1 && toks[0].equals(EnLexicon.lower(toks[0]))) {
            return;
        }
        out.putIfAbsent(EnLexicon.lower(String.join(" ", toks)), kind);
    }

    /** A small RFC 4180 reader: quoted fields with doubled quotes and line breaks. */
    static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int ch;
            while ((ch = r.read()) >= 0) {
                char c = (char) ch;
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int next = r.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next >= 0) {
                                r.reset();
                            }
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c != '\r') {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
        }
        return rows;
    }
}
