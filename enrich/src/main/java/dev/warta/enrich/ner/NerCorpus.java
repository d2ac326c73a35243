package dev.warta.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the NER corpus families into one label scheme. One token per line, the token in the first column and
 * the BIO tag in the last, blank lines between sentences. Tag names are mapped: PER/PERSON/PPL to PERSON;
 * ORG/ORGANISATION/ORGANIZATION/IND to ORGANIZATION; LOC/LOCATION/PLACE/PLC to LOCATION; EVT to EVENT; the rest
 * (nerp FNB, nerugm TIME/QUANTITY, ...) to O. An I- tag that does not continue an entity of its type becomes B-.
 */
public final class NerCorpus {
    /** A gold sentence. */
    public record Sentence(String[] tokens, int[] labels) {}

    private NerCorpus() {}

    /** Family name of a corpus file: the file name up to {@code -train}, {@code -dev} or {@code -valid}. */
    public static String family(Path file) {
        String name = file.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return dash > 0 ? name.substring(0, dash) : name;
    }

    /** Files in {@code dir} whose name contains {@code -<split>.} (train, dev or valid), sorted by name. */
    public static List<Path> files(Path dir, String... splits) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        for (String split : splits) {
                            if (n.contains("-" + split + ".")) {
                                return true;
                            }
                        }
                        return false;
                    })
                    .sorted()
                    .toList();
        }
    }

    public static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        List<String> toks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty()) {
                    flush(out, toks, tags);
                    continue;
                }
                String[] f = s.split("[\t ]+");
                toks.add(f[0]);
                tags.add(f.length > 1 ? f[f.length - 1] : "O");
            }
        }
        flush(out, toks, tags);
        return out;
    }

    private static void flush(List<Sentence> out, List<String> toks, List<String> tags) {
        if (toks.isEmpty()) {
            return;
        }
        int[] labels = new int[toks.size()];
        int prev = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = map(tags.get(i));
            if (NerLabels.isInside(l) && !(prev > 0 && NerLabels.typeOf(prev) == NerLabels.typeOf(l))) {
                l = l - 1;
            }
            labels[i] = l;
            prev = l;
        }
        out.add(new Sentence(toks.toArray(new String[0]), labels));
        toks.clear();
        tags.clear();
    }

    /** Maps a family's tag name to a label id. */
    static int map(String tag) {
        String t = tag.toUpperCase(Locale.ROOT);
        if (t.length() < 3 || t.charAt(1) != '-' || (t.charAt(0) != 'B' && t.charAt(0) != 'I')) {
            return 0;
        }
        String type = switch (t.substring(2)) {
            case "PER", "PERSON", "PPL" -> "PERSON";
            case "ORG", "ORGANISATION", "ORGANIZATION", "IND" -> "ORGANIZATION";
            case "LOC", "LOCATION", "PLACE", "PLC", "GPE" -> "LOCATION";
            case "EVT", "EVENT" -> "EVENT";
            default -> null;
        };
        if (type == null) {
            return 0;
        }
        int b = NerLabels.begin(type);
        return t.charAt(0) == 'B' ? b : b + 1;
    }
}
