package dev.warta.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known entities (countries, cities, organisations, people) with their Indonesian and English names, a
 * canonical name and a Wikidata QID when known. Loaded from a TSV file with lines
 * {@code TYPE<TAB>canonical<TAB>QID or -<TAB>alias|alias|...}; {@code #} starts a comment. Short all-caps aliases
 * (acronyms such as {@code AS}, {@code WHO}) match only with the same case. Immutable and thread-safe.
 */
public final class Gazetteer {
    /** Classpath location of the shipped gazetteer. */
    public static final String RESOURCE = "/dev/warta/enrich/ner/gazetteer.tsv";

    /** A known entity. */
    public record Entry(String type, String canonical, String wikidataId) {}

    /** A gazetteer hit over tokens {@code [start, end)}. */
    public record Match(int start, int end, Entry entry) {}

    private record Alias(String[] lower, String[] exact, boolean caseSensitive, Entry entry) {}

    private final Map<String, List<Alias>> byFirst;
    private final Map<String, Entry> byKey;
    private static final Gazetteer EMPTY = new Gazetteer(new HashMap<>(), new HashMap<>());

    private Gazetteer(Map<String, List<Alias>> byFirst, Map<String, Entry> byKey) {
        this.byFirst = byFirst;
        this.byKey = byKey;
    }

    /** An empty gazetteer. */
    public static Gazetteer empty() {
        return EMPTY;
    }

    /** Loads the shipped gazetteer from the classpath. */
    public static Gazetteer load() {
        try (InputStream in = Gazetteer.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a gazetteer in the TSV format described on the class. */
    public static Gazetteer read(InputStream in) throws IOException {
        Map<String, List<Alias>> byFirst = new HashMap<>();
        Map<String, Entry> byKey = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                continue;
            }
            String qid = f[2].strip();
            Entry entry = new Entry(f[0].strip(), f[1].strip(), qid.equals("-") || qid.isEmpty() ? null : qid);
            List<String> names = new ArrayList<>();
            names.add(entry.canonical());
            if (f.length > 3) {
                for (String a : f[3].split("\\|")) {
                    if (!a.isBlank()) {
                        names.add(a.strip());
                    }
                }
            }
            for (String name : names) {
                String[] exact = tokens(name);
                if (exact.length == 0) {
                    continue;
                }
                String[] lower = new String[exact.length];
                for (int i = 0; i < exact.length; i++) {
                    lower[i] = exact[i].toLowerCase(Locale.ROOT);
                }
                boolean acronym = isAcronym(name);
                byFirst.computeIfAbsent(lower[0], k -> new ArrayList<>()).add(new Alias(lower, exact, acronym, entry));
                String key = String.join(" ", acronym ? exact : lower);
                byKey.putIfAbsent(key, entry);
            }
        }
        for (List<Alias> list : byFirst.values()) {
            list.sort(Comparator.comparingInt((Alias a) -> -a.lower().length));
        }
        return new Gazetteer(byFirst, byKey);
    }

    private static boolean isAcronym(String name) {
        int letters = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isLetter(c)) {
                letters++;
            }
        }
        return letters > 0 && letters <= 5;
    }

    private static String[] tokens(String name) {
        List<String> out = new ArrayList<>();
        for (List<NerToken> s : NerTokenizer.sentences(name)) {
            for (NerToken t : s) {
                out.add(t.text());
            }
        }
        return out.toArray(new String[0]);
    }

    /**
     * Greedy longest matches, left to right, over a sentence. {@code lower} holds the lowercased tokens;
     * {@code cased} says whether letter case carries information (false for lowercased or all-caps text, where
     * acronym aliases are not used).
     */
    public List<Match> matches(String[] tokens, String[] lower, boolean cased) {
        List<Match> out = new ArrayList<>();
        int n = tokens.length;
        int i = 0;
        while (i < n) {
            List<Alias> cands = byFirst.get(lower[i]);
            Alias best = null;
            if (cands != null) {
                for (Alias a : cands) {
                    if (fits(a, tokens, lower, i, cased)) {
                        best = a;
                        break;
                    }
                }
            }
            if (best != null) {
                out.add(new Match(i, i + best.lower().length, best.entry()));
                i += best.lower().length;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean fits(Alias a, String[] tokens, String[] lower, int i, boolean cased) {
        int len = a.lower().length;
        if (i + len > lower.length) {
            return false;
        }
        if (a.caseSensitive() && !cased) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (a.caseSensitive() ? !a.exact()[k].equals(tokens[i + k]) : !a.lower()[k].equals(lower[i + k])) {
                return false;
            }
        }
        if (cased && !a.caseSensitive()) {
            // in cased text a gazetteer name must start with a capital or digit ("turki" the verb is not Turki)
            char c = tokens[i].charAt(0);
            return !Character.isLowerCase(c);
        }
        return true;
    }

    /** The entry whose name or alias equals {@code surface} (case-insensitive except acronyms), or null. */
    public Entry lookup(String surface) {
        // the surface's tokens joined by single spaces, as written and lowercased, without token lists
        NerTokenizer.Cursor c = new NerTokenizer.Cursor(surface, 8);
        StringBuilder exact = new StringBuilder(surface.length());
        StringBuilder lower = null;
        while (c.next()) {
            for (int i = 0, n = c.size(); i < n; i++) {
                String t = c.token(i);
                String lt = t.toLowerCase(Locale.ROOT);
                if (lower == null && lt != t) {
                    // the first token lowercasing changes (the ones before are their own lowercase form)
                    lower = new StringBuilder(surface.length()).append(exact);
                }
                if (exact.length() > 0) {
                    exact.append(' ');
                    if (lower != null) {
                        lower.append(' ');
                    }
                }
                exact.append(t);
                if (lower != null) {
                    lower.append(lt);
                }
            }
        }
        if (exact.length() == 0) {
            return null;
        }
        String key = exact.toString();
        Entry e = byKey.get(key);
        if (e != null) {
            return e;
        }
        return byKey.get(lower == null ? key : lower.toString());
    }
}
