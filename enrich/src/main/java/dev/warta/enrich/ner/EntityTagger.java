package dev.warta.enrich.ner;

import dev.warta.enrich.ner.en.Bilingual;
import dev.warta.enrich.ner.en.EnglishTagger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Named-entity tagging for Indonesian and English news: PERSON, ORGANIZATION, LOCATION (and EVENT). A trained
 * sequence model ({@link TrainNer}) proposes entities, rules for news patterns and a gazetteer fill gaps, and
 * each mention gets a canonical name (the gazetteer's English name, or within an article the fullest form of a
 * person seen in it: "Lavrov" after "Sergei Lavrov") plus a Wikidata QID when the gazetteer knows one.
 * Immutable and thread-safe; load once, share.
 *
 * <pre>{@code
 * EntityTagger t = EntityTagger.load();
 * t.tag("Menlu Rusia Sergei Lavrov tiba di Jenewa.");
 * // Rusia LOCATION Russia Q159, Sergei Lavrov PERSON Sergey Lavrov, Jenewa LOCATION Geneva Q71
 * }</pre>
 */
public final class EntityTagger {
    /** Classpath location of the shipped model. */
    public static final String MODEL_RESOURCE = "/dev/warta/enrich/ner/ner-model.bin.gz";
    /** Corpus family whose annotation habits are used for text without letter case. */
    static final String UNCASED_FAMILY = "nerp";

    private static volatile EntityTagger shared;

    private final NerModel model;
    private final Gazetteer gazetteer;
    /** The language {@link #tagTokens(List)} assumes: "en", "id", or null to detect it per sentence. */
    private final String language;

    EntityTagger(NerModel model, Gazetteer gazetteer) {
        this(model, gazetteer, null);
    }

    private EntityTagger(NerModel model, Gazetteer gazetteer, String language) {
        this.model = model;
        this.gazetteer = gazetteer;
        this.language = language;
    }

    /** Loads the shipped model and gazetteer from the classpath (once per JVM; the instance is shared). */
    public static EntityTagger load() {
        EntityTagger t = shared;
        if (t == null) {
            synchronized (EntityTagger.class) {
                t = shared;
                if (t == null) {
                    t = new EntityTagger(readModel(), Gazetteer.load());
                    shared = t;
                }
            }
        }
        return t;
    }

    private static NerModel readModel() {
        try (InputStream in = EntityTagger.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MODEL_RESOURCE);
            }
            return NerModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This tagger with {@link #tagTokens(List)} fixed to one language: "en" (the English tagger), "id" (the
     * Indonesian one), or null (the default: each sentence goes to the tagger of its detected language).
     */
    public EntityTagger withLanguage(String language) {
        return new EntityTagger(model, gazetteer, language);
    }

    /**
     * Entities of an article's paragraphs (offsets into {@code String.join("\n\n", paragraphs)}), each paragraph
     * tagged by the tagger of its language ({@code languages}, ISO codes; {@code und}: the document's), canonical
     * names shared across the article and its languages ({@link Bilingual}).
     */
    public List<Mention> tag(List<String> paragraphs, List<String> languages, String documentLanguage) {
        return Bilingual.tag(this, paragraphs, languages, documentLanguage);
    }

    /** The gazetteer in use. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Entity mentions in {@code text} with offsets into it (end exclusive), in text order. Never null. */
    public List<Mention> tag(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        NerTokenizer.Cursor sentence = new NerTokenizer.Cursor(text);
        while (sentence.next()) {
            String[] toks = sentence.tokens();
            int[] labels = labels(toks, null, true);
            NerLabels.forEachSpan(labels, false, (i, j, type) -> {
                int start = sentence.start(i);
                int end = sentence.end(j - 1);
                spans.add(new Span(
                        text.substring(start, end),
                        NerLabels.TYPES.get(type),
                        start,
                        end,
                        j - i == 1 ? toks[i] : null));
            });
        }
        return canonicalize(spans);
    }

    private record Span(String text, String type, int start, int end, String single) {}

    private List<Mention> canonicalize(List<Span> spans) {
        // full person names seen in the text, by each of their name parts
        Map<String, Mention> personByPart = new HashMap<>();
        List<Mention> out = new ArrayList<>(spans.size());
        List<Span> pending = new ArrayList<>();
        for (Span s : spans) {
            String surface = normalizeSpace(s.text());
            Gazetteer.Entry e = gazetteer.lookup(surface);
            String province = s.type().equals("LOCATION") ? withoutProvinceWord(surface) : null;
            if (e == null && province != null) {
                // "Provinsi Kalimantan Timur" is the province "Kalimantan Timur"
                e = gazetteer.lookup(province);
                if (e == null) {
                    out.add(new Mention(s.text(), s.type(), s.start(), s.end(), province, null));
                    continue;
                }
            }
            if (e != null) {
                Mention m = new Mention(s.text(), e.type(), s.start(), s.end(), e.canonical(), e.wikidataId());
                out.add(m);
                rememberPerson(personByPart, m, surface);
            } else if (s.single() != null) {
                pending.add(s);
                out.add(null);
            } else {
                Mention m = new Mention(s.text(), s.type(), s.start(), s.end(), surface, null);
                out.add(m);
                rememberPerson(personByPart, m, surface);
            }
        }
        // single-token mentions: resolve to a full name of the same text ("Lavrov" -> "Sergey Lavrov")
        int p = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) != null) {
                continue;
            }
            Span s = pending.get(p++);
            Mention full = personByPart.get(s.single().toLowerCase(Locale.ROOT));
            if (full != null) {
                // a name part of a person of this text is that person, whatever type the model guessed
                out.set(i, new Mention(s.text(), "PERSON", s.start(), s.end(), full.canonical(), full.wikidataId()));
            } else {
                out.set(i, new Mention(s.text(), s.type(), s.start(), s.end(), normalizeSpace(s.text()), null));
            }
        }
        return withCaseVariantsMerged(out);
    }

    /**
     * A name the text also writes in capitals (a dateline: "SAMARINDA, Kompas.com -") gets the canonical of its
     * ordinary spelling in the same text; capitals with no other spelling stay as they are (they may be an acronym).
     */
    private static List<Mention> withCaseVariantsMerged(List<Mention> mentions) {
        Map<String, String> ordinary = new HashMap<>();
        for (Mention m : mentions) {
            if (!allCaps(m.canonical())) {
                ordinary.putIfAbsent(m.canonical().toLowerCase(Locale.ROOT), m.canonical());
            }
        }
        if (ordinary.isEmpty()) {
            return mentions;
        }
        List<Mention> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String spelling = m.wikidataId() == null && allCaps(m.canonical())
                    ? ordinary.get(m.canonical().toLowerCase(Locale.ROOT))
                    : null;
            out.add(
                    spelling == null
                            ? m
                            : new Mention(m.text(), m.type(), m.start(), m.end(), spelling, m.wikidataId()));
        }
        return out;
    }

    private static boolean allCaps(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /**
     * The name after a leading "Provinsi" / "Province of" (a province's name alone names it; not done for "Kota" or
     * "Kabupaten": Kota Bandung and Kabupaten Bandung are different places), or null.
     */
    static String withoutProvinceWord(String surface) {
        for (String word : PROVINCE_WORDS) {
            if (surface.length() > word.length() + 1
                    && surface.regionMatches(true, 0, word, 0, word.length())
                    && surface.charAt(word.length()) == ' ') {
                return surface.substring(word.length() + 1);
            }
        }
        return null;
    }

    private static final List<String> PROVINCE_WORDS = List.of("Provinsi", "Propinsi", "Province of");

    private static void rememberPerson(Map<String, Mention> byPart, Mention m, String surface) {
        if (!m.type().equals("PERSON") || surface.indexOf(' ') < 0) {
            return;
        }
        String[] parts = surface.split(" ");
        // the last name first, then the first name; an earlier full name wins
        byPart.putIfAbsent(parts[parts.length - 1].toLowerCase(Locale.ROOT), m);
        byPart.putIfAbsent(parts[0].toLowerCase(Locale.ROOT), m);
    }

    private static String normalizeSpace(String s) {
        if (singleSpaced(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True if {@link #normalizeSpace} would return {@code s} unchanged: no other whitespace than lone inner spaces. */
    private static boolean singleSpaced(String s) {
        int len = s.length();
        if (len == 0 || Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(len - 1))) {
            return len == 0;
        }
        for (int i = 1; i < len - 1; i++) {
            char c = s.charAt(i);
            if (c == ' ' ? s.charAt(i + 1) == ' ' : Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For analysis only: the model scored with the annotation habits of a training corpus family (its
     * {@link NerFeatures} domain copies; null: the general model), without the article rules. Never what articles
     * or the default {@code warta ner} get ({@link #tagTokens(List)}). Never null; one tag per token.
     */
    public List<String> tagTokens(List<String> tokens, String family) {
        return tagTokens(tokens, family, false);
    }

    /**
     * BIO tags (B-PERSON, I-ORGANIZATION, O, ...) for one tokenized sentence, exactly as {@link #tag} tags the
     * sentences of an article: the trained model and the article rules. Depends on this sentence alone. Never
     * null; one tag per token.
     */
    public List<String> tagTokens(List<String> tokens) {
        return tagTokens(tokens, null, true);
    }

    private List<String> tagTokens(List<String> tokens, String family, boolean rules) {
        if (tokens == null || tokens.isEmpty()) {
            return new ArrayList<>();
        }
        if (language == null ? Bilingual.english(tokens) : language.equals("en")) {
            return EnglishTagger.load().tagTokens(tokens);
        }
        String[] toks = new String[tokens.size()];
        for (int i = 0; i < toks.length; i++) {
            String t = tokens.get(i);
            toks[i] = t == null || t.isEmpty() ? "_" : t;
        }
        int[] labels = labels(toks, family, rules);
        List<String> tags = new ArrayList<>(labels.length);
        for (int l : labels) {
            tags.add(NerLabels.NAMES.get(l));
        }
        return tags;
    }

    /**
     * In cased text, tokens this far before (LEFT) or after (RIGHT) a {@linkplain #nameLike name-like} token are
     * scored by the model; the rest (lowercase words away from any name) are O without reading a weight. Tagging
     * the seed articles then reads 53% of the tokens' weights, and dev F1 moves by at most 0.003 (NerBenchmark; a
     * window of 1 on both sides reads fewer but costs up to 0.007 on nerui, whose names continue in lowercase:
     * "Song Hye - kyo", "kementerian desa"; digits as name-like read 59% for the same F1).
     */
    private static final int LEFT = 1;

    private static final int RIGHT = 2;
    /** {@code -Dwarta.ner.fullScan=true} scores every token, for comparison. */
    private static final boolean FULL_SCAN = Boolean.getBoolean("warta.ner.fullScan");

    /** Marks in {@code active} the tokens of a cased sentence worth scoring ({@link #LEFT}, {@link #RIGHT}). */
    private static boolean[] nearNames(NerFeatures.Sentence s, boolean[] active) {
        int n = s.tokens.length;
        java.util.Arrays.fill(active, 0, n, false);
        int until = -1;
        for (int i = 0; i < n; i++) {
            if (nameLike(s, i)) {
                for (int k = Math.max(until + 1, i - LEFT); k < i; k++) {
                    active[k] = true;
                }
                until = Math.min(n - 1, i + RIGHT);
            }
            if (i <= until) {
                active[i] = true;
            }
        }
        return active;
    }

    /**
     * A gazetteer hit, or a token with an upper-case letter unless it is a word almost always written in lowercase
     * ({@link NerFeatures#capTable}) capitalised only because it starts the sentence or a quote.
     */
    private static boolean nameLike(NerFeatures.Sentence s, int i) {
        if (s.gaz[i] != 0) {
            return true;
        }
        String t = s.tokens[i];
        for (int k = 0, len = t.length(); k < len; k++) {
            if (Character.isUpperCase(t.charAt(k))) {
                return s.caps[i] != 1 || (i > 0 && !opensQuote(s.tokens[i - 1]));
            }
        }
        return false;
    }

    private static boolean opensQuote(String t) {
        return t.length() == 1 && (t.charAt(0) == '"' || t.charAt(0) == '“' || t.charAt(0) == '\'');
    }

    /**
     * Label ids for a sentence. {@code family} selects a corpus family's annotation habits (null: general
     * model for cased text, the lowercased family's for uncased text); {@code rules} adds gazetteer and
     * pattern rules.
     */
    public int[] labels(String[] toks, String family, boolean rules) {
        return labels(toks, family, rules, !FULL_SCAN);
    }

    /** {@link #labels(String[], String, boolean)}, scoring only tokens near name-like ones if {@code skipFar}. */
    int[] labels(String[] toks, String family, boolean rules, boolean skipFar) {
        NerFeatures.Sentence s = NerFeatures.prepareScratch(toks, gazetteer, model.caps);
        int n = toks.length;
        NerScratch scratch = NerScratch.get();
        int[] feats = scratch.feats(n * NerFeatures.COUNT);
        int domain = NerFeatures.domain(family != null ? family : s.cased ? null : UNCASED_FAMILY);
        // features only for the tokens the model will score
        boolean[] active = skipFar && s.cased ? nearNames(s, scratch.active(n)) : null;
        NerFeatures.extract(s, domain, model.mask(), feats, active);
        int[] labels = model.decode(feats, n, active);
        if (rules) {
            NerRules.apply(s, s.matches, labels);
            NerConsistency.apply(s, labels);
        }
        return labels;
    }
}
