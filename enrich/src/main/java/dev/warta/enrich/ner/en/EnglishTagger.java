package dev.warta.enrich.ner.en;

import dev.warta.enrich.ner.Mention;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Named entities in English text: PERSON, ORGANIZATION, LOCATION, from a sequence model trained on CoNLL-2003
 * ({@link TrainEnglishNer}) with word clusters and gazetteer features ({@link EnLexicon}), plus what real news
 * needs beyond the benchmark: titles are not part of a name ("Secretary of State Antony Blinken" → "Antony
 * Blinken"), a possessive is not ("Russia's" → "Russia"). Canonical names come from {@link CanonicalNames}.
 * Immutable and thread-safe; load once, share.
 *
 * <pre>{@code
 * EnglishTagger.load().tag("GENEVA - Secretary of State Antony Blinken met Sergei Lavrov.");
 * // GENEVA LOCATION Geneva, Antony Blinken PERSON, Sergei Lavrov PERSON Sergey Lavrov
 * }</pre>
 */
public final class EnglishTagger {
    static final String DIR = "/dev/warta/enrich/ner/en/";
    static final String MODEL_FILE = "en-ner-model.bin.gz";
    static final String LEXICON_FILE = "en-lexicon.tsv.gz";
    /** Classpath location of the shipped model. */
    public static final String MODEL_RESOURCE = DIR + MODEL_FILE;

    private static volatile EnglishTagger shared;

    private final EnModel model;
    private final EnLexicon lexicon;

    EnglishTagger(EnModel model, EnLexicon lexicon) {
        this.model = model;
        this.lexicon = lexicon;
    }

    /** Loads the shipped model and lexicon from the classpath (once per JVM; the instance is shared). */
    public static EnglishTagger load() {
        EnglishTagger t = shared;
        if (t == null) {
            synchronized (EnglishTagger.class) {
                t = shared;
                if (t == null) {
                    try (InputStream m = resource(MODEL_FILE);
                            InputStream l = resource(LEXICON_FILE)) {
                        t = new EnglishTagger(EnModel.read(m), EnLexicon.read(l));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    shared = t;
                }
            }
        }
        return t;
    }

    private static InputStream resource(String file) {
        InputStream in = EnglishTagger.class.getResourceAsStream(DIR + file);
        if (in == null) {
            throw new IllegalStateException("missing resource " + DIR + file + " (run: warta train ner)");
        }
        return in;
    }

    /** Label ids for one tokenized sentence. */
    int[] labels(String[] tokens) {
        int n = tokens.length;
        if (n == 0) {
            return new int[0];
        }
        int[] feats = new int[n * EnFeatures.COUNT];
        boolean[] near = nearCapitals(tokens);
        EnFeatures.Sentence s = EnFeatures.prepare(tokens, lexicon, near);
        boolean[] active = s.mode == EnFeatures.MODE_CASED ? near : null;
        EnFeatures.extract(s, model.mask(), feats, active);
        return model.viterbi(model.emissions(feats, n, EnFeatures.COUNT, active), n);
    }

    /**
     * In cased text, the tokens worth scoring: those with a capital or a digit and their neighbours. The others
     * (lowercase words away from any capital: most of running text) are O without reading a weight: half the
     * CPU per English article, 0.0001 lower CoNLL-2003 valid F1.
     */
    static boolean[] nearCapitals(String[] tokens) {
        int n = tokens.length;
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            boolean cap = false;
            for (int k = 0; k < t.length() && !cap; k++) {
                char c = t.charAt(k);
                cap = Character.isUpperCase(c) || Character.isDigit(c);
            }
            if (cap) {
                for (int k = Math.max(0, i - 1); k <= Math.min(n - 1, i + 1); k++) {
                    active[k] = true;
                }
            }
        }
        return active;
    }

    /**
     * BIO tags (B-PERSON, I-ORGANIZATION, O, ...) for one tokenized sentence, the model alone (MISC reported as O).
     * Never null; one tag per token.
     */
    public List<String> tagTokens(List<String> tokens) {
        String[] toks = new String[tokens.size()];
        for (int i = 0; i < toks.length; i++) {
            String t = tokens.get(i);
            toks[i] = t == null || t.isEmpty() ? "_" : t;
        }
        int[] labels = labels(toks);
        List<String> tags = new ArrayList<>(labels.length);
        for (int l : labels) {
            tags.add(l == 0 || EnLabels.typeOf(l) == EnLabels.MISC ? "O" : EnLabels.NAMES.get(l));
        }
        return tags;
    }

    /**
     * Entity mentions of {@code text} with offsets into it (end exclusive), in text order, each with its surface as
     * canonical name (see {@link CanonicalNames} for cross-language names). Never null.
     */
    public List<Mention> tag(String text) {
        List<Mention> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (List<EnTokenizer.Token> sentence : EnTokenizer.sentences(text)) {
            String[] toks = new String[sentence.size()];
            for (int i = 0; i < toks.length; i++) {
                toks[i] = sentence.get(i).text();
            }
            int[] labels = labels(toks);
            EnLabels.forEachSpan(labels, (i, j, type) -> {
                if (type == EnLabels.MISC) {
                    return;
                }
                // a possessive or trailing punctuation is not part of a name; a title is not part of a person
                while (j > i && !Character.isLetterOrDigit(toks[j - 1].charAt(0))) {
                    j--;
                }
                if (type == 0) {
                    while (i < j - 1
                            && TITLES.contains(toks[i].toLowerCase(Locale.ROOT).replace(".", ""))) {
                        i++;
                    }
                }
                if (i >= j) {
                    return;
                }
                int start = sentence.get(i).start();
                int end = sentence.get(j - 1).end();
                String surface = text.substring(start, end);
                out.add(new Mention(surface, EnLabels.TYPES.get(type), start, end, singleSpaced(surface), null));
            });
        }
        return out;
    }

    /** {@code s} with each run of whitespace as one space (no regular expression: this runs per mention). */
    static String singleSpaced(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !Character.isWhitespace(c) || c == ' ' && i + 1 < s.length() && s.charAt(i + 1) != ' ';
        }
        if (plain) {
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

    /** Words that precede a person's name as titles or roles and are not part of it. */
    static final Set<String> TITLES = Set.of(
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "prof",
            "professor",
            "sir",
            "dame",
            "lord",
            "lady",
            "president",
            "vice",
            "secretary",
            "minister",
            "prime",
            "premier",
            "chancellor",
            "senator",
            "sen",
            "rep",
            "representative",
            "governor",
            "gov",
            "mayor",
            "judge",
            "justice",
            "general",
            "gen",
            "colonel",
            "col",
            "captain",
            "capt",
            "lieutenant",
            "lt",
            "sergeant",
            "sgt",
            "admiral",
            "adm",
            "king",
            "queen",
            "prince",
            "princess",
            "pope",
            "cardinal",
            "bishop",
            "rev",
            "reverend",
            "father",
            "coach",
            "chairman",
            "chairwoman",
            "chief",
            "ceo",
            "director",
            "ambassador",
            "envoy",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "commissioner",
            "officer",
            "inspector",
            "detective",
            "agent",
            "foreign",
            "defence",
            "defense",
            "state",
            "deputy",
            "acting",
            "former",
            "late",
            "said",
            "told");
}
