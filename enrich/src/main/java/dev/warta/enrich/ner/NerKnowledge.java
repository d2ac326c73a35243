package dev.warta.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Knowledge from outside the labelled corpora, as tagger features (evidence, not answers: the model learns how far
 * to trust each kind of hit): typed name lists of the shared data's {@code ner/gazetteer/} (Indonesian provinces,
 * regencies and cities, districts, villages, islands; countries, capitals and world cities; universities, listed
 * companies, parties, news outlets; film actors) as phrase categories, and Indonesian given and family name tokens.
 * Village names include common words ("Baru", "Jaya"), which is why a hit is one feature among many and is read
 * together with the token's case. Built by {@link TrainNer} from the shared data ({@link #build}) and shipped as
 * {@link #RESOURCE}; only 64-bit hashes of the lowercased phrases are kept. Immutable.
 */
final class NerKnowledge {
    /** Classpath location of the shipped table. */
    static final String RESOURCE = "/dev/warta/enrich/ner/ner-knowledge.bin.gz";

    static final int MAGIC = 0x574B4E31; // "WKN1"

    /** Phrase categories, one bit each. */
    static final int REGION = 1;

    static final int DISTRICT = 2;
    static final int VILLAGE = 4;
    static final int ISLAND = 8;
    static final int WORLD_PLACE = 16;
    static final int ORGANIZATION = 32;
    static final int PERSON = 64;
    /** Name-token classes. */
    static final int GIVEN = 1;

    static final int FAMILY = 2;

    private static volatile NerKnowledge shared;

    private final NerLexicon phrases;
    private final NerLexicon nameTokens;

    private NerKnowledge(NerLexicon phrases, NerLexicon nameTokens) {
        this.phrases = phrases;
        this.nameTokens = nameTokens;
    }

    static NerKnowledge empty() {
        return new NerKnowledge(NerLexicon.empty(), NerLexicon.empty());
    }

    /** The shipped table (empty when the resource is missing). */
    static NerKnowledge shared() {
        NerKnowledge k = shared;
        if (k == null) {
            synchronized (NerKnowledge.class) {
                k = shared;
                if (k == null) {
                    k = load();
                    shared = k;
                }
            }
        }
        return k;
    }

    private static NerKnowledge load() {
        try (InputStream in = NerKnowledge.class.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : read(in);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /**
     * Marks the tokens of a sentence ({@link NerFeatures#wordHash} of each lowercase token): {@code phrase[i]} the
     * categories of the longest listed phrase covering token i times 4 plus its position (0 single, 1 begin,
     * 2 inside, 3 end; 0 overall when none), {@code name[i]} the token's name-token classes.
     */
    void mark(long[] lower, int n, int[] phrase, int[] name) {
        phrases.mark(lower, n, phrase);
        nameTokens.mark(lower, n, name);
    }

    /** Builds the table from the {@code ner/gazetteer/} dir of the shared data (missing files are skipped). */
    static NerKnowledge build(Path dir) throws IOException {
        Map<List<String>, Integer> phrase = new HashMap<>();
        Map<List<String>, Integer> name = new HashMap<>();
        BiConsumer<String, Integer> add = (text, category) -> {
            List<String> toks = tokens(text);
            if (!toks.isEmpty() && toks.size() <= NerLexicon.MAX_LEN) {
                phrase.merge(toks, category, (a, b) -> a | b);
            }
        };
        lines(dir.resolve("id-provinces.txt"), l -> add.accept(l, REGION));
        lines(dir.resolve("id-regencies-cities.txt"), l -> add.accept(l, REGION));
        lines(dir.resolve("id-districts.txt"), l -> add.accept(l, DISTRICT));
        lines(dir.resolve("id-villages.txt"), l -> add.accept(l, VILLAGE));
        lines(dir.resolve("id-islands.txt"), l -> add.accept(l, ISLAND));
        csv(dir.resolve("id-admin-regions-2025.csv"), r -> {
            int category = switch (r.get("level")) {
                case "province", "regency" -> REGION;
                case "district" -> DISTRICT;
                default -> VILLAGE;
            };
            add.accept(r.get("name"), category);
            add.accept(r.get("name_bare"), category);
        });
        csv(dir.resolve("world-countries-id.csv"), r -> {
            for (String k : List.of("name_id", "name_en_common", "capital_en", "capital_id")) {
                for (String v : r.get(k).split(";")) {
                    add.accept(v, WORLD_PLACE);
                }
            }
        });
        csv(dir.resolve("world-cities-cldr.csv"), r -> {
            add.accept(r.get("city_en"), WORLD_PLACE);
            add.accept(r.get("city_id"), WORLD_PLACE);
        });
        csv(dir.resolve("world-cities-geonames15000.csv"), r -> add.accept(r.get("name"), WORLD_PLACE));
        csv(dir.resolve("world-universities.csv"), r -> add.accept(r.get("name"), ORGANIZATION));
        csv(dir.resolve("id-higher-education.csv"), r -> add.accept(r.get("name"), ORGANIZATION));
        csv(dir.resolve("id-companies-idx.csv"), r -> {
            add.accept(r.get("name"), ORGANIZATION);
            add.accept(r.get("name_short"), ORGANIZATION);
        });
        csv(dir.resolve("id-political-parties-2024.csv"), r -> {
            add.accept(r.get("name"), ORGANIZATION);
            for (String v : r.get("common_short_forms_added_by_hand").split("[;,/]")) {
                add.accept(v, ORGANIZATION);
            }
        });
        csv(dir.resolve("id-news-media-outlets.csv"), r -> add.accept(r.get("name_as_in_source"), ORGANIZATION));
        csv(dir.resolve("id-person-film-actors-wikipedia.csv"), r -> add.accept(r.get("name"), PERSON));
        BiConsumer<String, Integer> token = (text, cls) -> {
            List<String> toks = tokens(text);
            if (toks.size() == 1) {
                name.merge(toks, cls, (a, b) -> a | b);
            }
        };
        csv(dir.resolve("id-person-name-tokens-kpu.csv"), r -> {
            if (Integer.parseInt(r.get("count_first")) > 0) {
                token.accept(r.get("token"), GIVEN);
            }
            if (Integer.parseInt(r.get("count_last")) > 0) {
                token.accept(r.get("token"), FAMILY);
            }
        });
        csv(
                dir.resolve("id-person-names-generator.csv"),
                r -> token.accept(r.get("name"), r.get("list").startsWith("first") ? GIVEN : FAMILY));
        System.out.printf("knowledge: %d listed phrases, %d name tokens from %s%n", phrase.size(), name.size(), dir);
        return new NerKnowledge(NerLexicon.ofPhrases(phrase), NerLexicon.ofPhrases(name));
    }

    /** Lowercased tokens of a listed name, as {@link NerTokenizer} splits running text. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (List<NerToken> s : NerTokenizer.sentences(text.strip())) {
            for (NerToken t : s) {
                out.add(t.text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private interface Row {
        String get(String column);
    }

    private static void lines(Path file, Consumer<String> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.out.println("knowledge: missing " + file);
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    sink.accept(line.strip());
                }
            }
        }
    }

    private static void csv(Path file, Consumer<Row> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.out.println("knowledge: missing " + file);
            return;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = fields(header);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = fields(line);
                sink.accept(c -> {
                    int i = columns.indexOf(c);
                    return i >= 0 && i < f.size() ? f.get(i) : "";
                });
            }
        }
    }

    /** Fields of one CSV line (double-quoted fields may hold commas and doubled quotes). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    void write(OutputStream os) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            phrases.writeTable(out);
            nameTokens.writeTable(out);
        }
    }

    static NerKnowledge read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a warta NER knowledge table");
            }
            return new NerKnowledge(NerLexicon.readTable(in), NerLexicon.readTable(in));
        }
    }
}
