package dev.warta.enrich.ner.en;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What the English tagger knows about words beyond the labelled data: distributional word clusters (coarse and
 * fine) and a capitalisation class learnt from unlabelled English text ({@link EnLexiconBuild}), and gazetteer phrases
 * (countries, capitals, world cities, universities, companies; {@link EnLexiconBuild}). One gzipped TSV resource
 * written by {@code warta train ner}: {@code W<TAB>word<TAB>coarse<TAB>fine<TAB>caps} and
 * {@code G<TAB>kind<TAB>phrase}. Immutable and thread-safe.
 */
final class EnLexicon {
    /** Gazetteer kinds, as feature values (1-based; 0 = none). */
    static final String[] KINDS = {"-", "country", "city", "capital", "university", "company", "region"};

    /** Packed word info: {@code fine << 12 | coarse << 4 | caps}; absent words are unknown (0). */
    private final Map<String, Integer> words;
    /** Lowercased phrase (tokens joined by single spaces) → kind index. */
    private final Map<String, Integer> phrases;
    /** Lowercased first token of a phrase → longest phrase length starting with it. */
    private final Map<String, Integer> longest;

    EnLexicon(Map<String, Integer> words, Map<String, Integer> phrases) {
        this.words = words;
        this.phrases = phrases;
        this.longest = new HashMap<>();
        for (String p : phrases.keySet()) {
            String[] t = p.split(" ");
            longest.merge(t[0], t.length, Math::max);
        }
    }

    static EnLexicon empty() {
        return new EnLexicon(Map.of(), Map.of());
    }

    int words() {
        return words.size();
    }

    int phrases() {
        return phrases.size();
    }

    /** Packed info of a lowercase word (0: unknown). */
    int info(String lower) {
        Integer v = words.get(lower);
        return v == null ? 0 : v;
    }

    static int caps(int info) {
        return info & 0xF;
    }

    static int coarse(int info) {
        return (info >>> 4) & 0xFF;
    }

    static int fine(int info) {
        return info >>> 12;
    }

    static int pack(int coarse, int fine, int caps) {
        return fine << 12 | coarse << 4 | caps;
    }

    /** Longest phrase starting with this lowercase token (0: none). */
    int longestFrom(String lower) {
        Integer v = longest.get(lower);
        return v == null ? 0 : v;
    }

    /** Kind of a lowercase phrase (0: not a phrase). */
    int kind(String lowerPhrase) {
        Integer v = phrases.get(lowerPhrase);
        return v == null ? 0 : v;
    }

    void write(OutputStream os) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(os), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, Integer> e : new TreeMap<>(words).entrySet()) {
                int v = e.getValue();
                w.write("W\t" + e.getKey() + "\t" + coarse(v) + "\t" + fine(v) + "\t" + caps(v) + "\n");
            }
            for (Map.Entry<String, Integer> e : new TreeMap<>(phrases).entrySet()) {
                w.write("G\t" + KINDS[e.getValue()] + "\t" + e.getKey() + "\n");
            }
        }
    }

    static EnLexicon read(InputStream is) throws IOException {
        Map<String, Integer> words = new HashMap<>();
        Map<String, Integer> phrases = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(is), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            String[] f = line.split("\t");
            if (f[0].equals("W") && f.length == 5) {
                words.put(f[1], pack(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])));
            } else if (f[0].equals("G") && f.length == 3) {
                int k = Arrays.asList(KINDS).indexOf(f[1]);
                if (k > 0) {
                    phrases.put(f[2], k);
                }
            }
        }
        return new EnLexicon(words, phrases);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
