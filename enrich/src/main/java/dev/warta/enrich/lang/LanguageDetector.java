package dev.warta.enrich.lang;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Language identification: a writing-system shortcut for non-Latin scripts, then naive Bayes over hashed character
 * n-grams (1..5) and words for Latin-script text ({@link TrainLanguageModel} builds the model); when that says
 * Indonesian or Malay, a dedicated model ({@link MalayIndonesian}) decides between the two. Codes are ISO 639-1
 * ({@code id}, {@code ms}, {@code en}, {@code jv}, {@code su}, ...), ISO 639-3 for languages that have no 639-1 code
 * (Acehnese {@code ace}, Balinese {@code ban}, Banjarese {@code bjn}, Buginese {@code bug}, Madurese {@code mad},
 * Minangkabau {@code min}, Ngaju {@code nij}, Toba Batak {@code bbc}), and {@code und} when there is nothing to go
 * on. Never returns null, never throws on any input.
 *
 * <p>Thread-safe and immutable: load once, share.
 * <pre>{@code
 * LanguageDetector lang = LanguageDetector.load();
 * lang.detect("Presiden meresmikan jembatan baru di Surabaya.").code(); // "id"
 * }</pre>
 */
public final class LanguageDetector {

    /** Classpath location of the shipped n-gram model. */
    public static final String MODEL_RESOURCE = "/dev/warta/enrich/lang/model.bin.gz";
    /** Classpath location of the shipped Malay/Indonesian model. */
    public static final String MS_ID_RESOURCE = "/dev/warta/enrich/lang/ms-id.bin.gz";

    /** Chars looked at by {@link #detect}: enough for a verdict, bounded for huge input. */
    static final int DETECT_WINDOW = 1000;
    /** Chars looked at per paragraph by {@link #detectDocument}, at least (a few paragraphs get a share of the budget). */
    static final int PARAGRAPH_WINDOW = 120;
    /** Chars {@link #detectDocument} spreads over the paragraphs; once spent, paragraphs get {@link #TAIL_WINDOW}. */
    static final int DOCUMENT_BUDGET = 1200;

    static final int TAIL_WINDOW = 60;
    /** Log-odds (nats) the document's language gets when judging one paragraph. */
    static final float DOCUMENT_PRIOR = 12f;
    /** Log-odds (nats) a hint gets when judging the document. */
    static final float HINT_PRIOR = 8f;
    /** Margin (nats) at which confidence is about 0.86. */
    private static final double CONFIDENCE_SCALE = 4.0;

    /**
     * Log-prior (nats) of Malay against Indonesian for a line or paragraph: warta's sources are mostly Indonesian,
     * and one nat (set on the dev sets: it evens the Malay and Indonesian error rates) keeps text without distinctive
     * evidence Indonesian, with a confidence near 0.5 that says so.
     */
    static final float MALAY_PRIOR = -1f;
    /** Pull (nats) of the document's verdict, id or ms, on one paragraph's Malay/Indonesian log-odds. */
    static final float ID_MS_DOCUMENT_PRIOR = 3f;
    /** Pull (nats) of an id or ms hint on the document's Malay/Indonesian log-odds. */
    static final float ID_MS_HINT_PRIOR = 3f;
    /** Log-prior (nats) of the regional languages of Indonesia against Indonesian: short ambiguous lines are Indonesian. */
    static final float REGIONAL_PRIOR = -2f;

    private static final Set<String> REGIONAL =
            Set.of("ace", "ban", "bbc", "bjn", "bug", "mad", "min", "nij", "jv", "su");

    private static volatile LanguageDetector shared;

    private final NgramModel model;
    private final MalayIndonesian malayIndonesian;
    private final int id;
    private final int ms;
    private final float[] prior;

    LanguageDetector(NgramModel model, MalayIndonesian malayIndonesian) {
        this.model = model;
        this.malayIndonesian = malayIndonesian;
        this.id = model.indexOf("id");
        this.ms = model.indexOf("ms");
        this.prior = new float[model.size()];
        for (int l = 0; l < prior.length; l++) {
            prior[l] = REGIONAL.contains(model.language(l)) ? REGIONAL_PRIOR : 0f;
        }
    }

    private float[] newScores() {
        return prior.clone();
    }

    /** Loads the shipped model from the classpath (once per JVM; later calls return the same instance). */
    public static LanguageDetector load() {
        LanguageDetector d = shared;
        if (d == null) {
            synchronized (LanguageDetector.class) {
                d = shared;
                if (d == null) {
                    d = new LanguageDetector(
                            read(MODEL_RESOURCE, NgramModel::read), read(MS_ID_RESOURCE, MalayIndonesian::read));
                    shared = d;
                }
            }
        }
        return d;
    }

    private interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    /** Reads a gzipped classpath resource; failures are unchecked (a build without its model cannot run). */
    private static <T> T read(String resource, Reader<T> reader) {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("language model missing from classpath: " + resource);
            }
            return reader.read(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + resource, e);
        }
    }

    /** Languages the n-gram model knows (script-detected languages come on top). */
    public List<String> languages() {
        return List.of(model.languages());
    }

    /** Language of a line or paragraph. */
    public LanguageResult detect(CharSequence text) {
        if (text == null || text.length() == 0) {
            return LanguageResult.UNKNOWN;
        }
        try {
            int to = window(text, 0, DETECT_WINDOW);
            Verdict v = judge(text, 0, to, -1, 0f);
            return v.result();
        } catch (RuntimeException e) {
            return LanguageResult.UNKNOWN; // never fail the caller on odd input
        }
    }

    /**
     * Language of a document and of each paragraph; {@code hint} (html lang, feed language, may be null) and the
     * document as a whole act as a prior for short paragraphs, so they follow the document unless clearly foreign
     * (an English quote, an Arabic verse). Looks at a bounded number of chars per paragraph (about 1,200 in all).
     * <pre>{@code
     * lang.detectDocument(List.of("Presiden meresmikan jembatan baru.", "\"We are proud,\" he said."), "id-ID")
     *     .paragraphs(); // [id, en]
     * }</pre>
     */
    public DocumentLanguage detectDocument(List<String> paragraphs, String hint) {
        if (paragraphs == null || paragraphs.isEmpty()) {
            return new DocumentLanguage(LanguageResult.UNKNOWN, List.of());
        }
        try {
            Paragraphs p = score(paragraphs);
            Verdict document = documentVerdict(p, hint);
            return new DocumentLanguage(document.result(), paragraphVerdicts(p, document));
        } catch (RuntimeException e) {
            List<LanguageResult> each = new ArrayList<>(paragraphs.size());
            for (int i = 0; i < paragraphs.size(); i++) {
                each.add(LanguageResult.UNKNOWN);
            }
            return new DocumentLanguage(LanguageResult.UNKNOWN, each);
        }
    }

    /** What one pass over a document's paragraphs gathers: per-paragraph scores and the document's sums. */
    private static final class Paragraphs {
        final List<String> texts;
        /** N-gram scores per Latin-script paragraph (null for the others). */
        final float[][] scores;
        /** Malay-minus-Indonesian log-odds per Latin-script paragraph. */
        final float[] malay;

        final Scripts.Tally[] tallies;
        /** Sum of the n-gram scores of all Latin-script paragraphs. */
        final float[] document;

        final Map<String, Integer> scriptLetters = new HashMap<>();
        int latinLetters;
        float malaySum;

        Paragraphs(List<String> texts, int languages) {
            this.texts = texts;
            int n = texts.size();
            scores = new float[n][];
            malay = new float[n];
            tallies = new Scripts.Tally[n];
            document = new float[languages];
        }
    }

    /**
     * Scores a bounded window of each paragraph (a share of {@link #DOCUMENT_BUDGET}, at least
     * {@link #PARAGRAPH_WINDOW} chars; {@link #TAIL_WINDOW} once the budget is spent).
     */
    private Paragraphs score(List<String> texts) {
        Paragraphs p = new Paragraphs(texts, model.size());
        int count = texts.size();
        int budget = DOCUMENT_BUDGET;
        for (int i = 0; i < count; i++) {
            String text = texts.get(i);
            if (text == null || text.isEmpty()) {
                p.tallies[i] = Scripts.Tally.EMPTY;
                continue;
            }
            int share = budget > 0 ? Math.max(PARAGRAPH_WINDOW, budget / (count - i)) : TAIL_WINDOW;
            int to = window(text, 0, share);
            budget -= to;
            Scripts.Tally t = Scripts.tally(text, 0, to);
            p.tallies[i] = t;
            if (t.other() > t.latin()) {
                p.scriptLetters.merge(t.otherCode(), t.other(), Integer::sum);
            } else if (t.latin() > 0) {
                float[] s = newScores();
                model.score(text, 0, to, s);
                p.scores[i] = s;
                p.malay[i] = malayIndonesian.logOdds(text, 0, to);
                p.latinLetters += t.latin();
                p.malaySum += p.malay[i];
                for (int l = 0; l < s.length; l++) {
                    p.document[l] += s[l];
                }
            }
        }
        return p;
    }

    /** The document: the script with most letters, or the n-gram verdict (and Malay/Indonesian) over Latin text. */
    private Verdict documentVerdict(Paragraphs p, String hint) {
        String topScript = null;
        int topScriptLetters = 0;
        for (var e : p.scriptLetters.entrySet()) {
            if (e.getValue() > topScriptLetters
                    || e.getValue() == topScriptLetters && e.getKey().compareTo(topScript) < 0) {
                topScript = e.getKey();
                topScriptLetters = e.getValue();
            }
        }
        if (topScript != null && topScriptLetters > p.latinLetters) {
            double share = topScriptLetters / (double) (topScriptLetters + p.latinLetters);
            return new Verdict(-1, topScript, share);
        }
        if (p.latinLetters == 0) {
            String h = normalizeHint(hint);
            return h != null ? new Verdict(-1, h, 0.5) : Verdict.NONE;
        }
        int hinted = hintIndex(hint);
        float[] doc = p.document.clone();
        if (hinted >= 0) {
            doc[hinted] += HINT_PRIOR;
        }
        Verdict v = best(doc);
        if (isIdOrMs(v.index)) {
            float hintPull = hinted == ms ? ID_MS_HINT_PRIOR : hinted == id ? -ID_MS_HINT_PRIOR : 0f;
            v = idOrMs(p.malaySum + hintPull);
        }
        return v;
    }

    /**
     * Each paragraph: its own script, or its n-gram scores with the document's language as a prior, so short
     * paragraphs follow the document unless clearly foreign; a Malay or Indonesian paragraph is then decided by
     * its own Malay/Indonesian log-odds pulled toward the document's.
     */
    private List<LanguageResult> paragraphVerdicts(Paragraphs p, Verdict document) {
        int docIndex = document.index;
        float pull = docIndex == ms ? ID_MS_DOCUMENT_PRIOR : docIndex == id ? -ID_MS_DOCUMENT_PRIOR : 0f;
        List<LanguageResult> each = new ArrayList<>(p.texts.size());
        for (int i = 0; i < p.texts.size(); i++) {
            Scripts.Tally t = p.tallies[i];
            if (t.other() > t.latin()) {
                each.add(new LanguageResult(t.otherCode(), t.other() / (double) (t.other() + t.latin())));
            } else if (p.scores[i] != null) {
                float[] s = p.scores[i];
                if (docIndex >= 0) {
                    s[docIndex] += DOCUMENT_PRIOR;
                }
                Verdict v = best(s);
                each.add(isIdOrMs(v.index) ? idOrMs(p.malay[i] + pull).result() : v.result());
            } else {
                // no letters (numbers, emoji, a date line): follows the document, with less confidence
                each.add(
                        document.code.equals("und")
                                ? LanguageResult.UNKNOWN
                                : new LanguageResult(document.code, document.confidence / 2));
            }
        }
        return each;
    }

    private Verdict judge(CharSequence text, int from, int to, int priorIndex, float prior) {
        Scripts.Tally t = Scripts.tally(text, from, to);
        if (t.latin() == 0 && t.other() == 0) {
            return Verdict.NONE;
        }
        if (t.other() > t.latin()) {
            return new Verdict(-1, t.otherCode(), t.other() / (double) (t.other() + t.latin()));
        }
        float[] s = newScores();
        model.score(text, from, to, s);
        if (priorIndex >= 0) {
            s[priorIndex] += prior;
        }
        Verdict v = best(s);
        if (isIdOrMs(v.index)) {
            v = idOrMs(malayIndonesian.logOdds(text, from, to));
        }
        return v;
    }

    private boolean isIdOrMs(int index) {
        return index >= 0 && (index == id || index == ms);
    }

    /**
     * Malay or Indonesian by the sign of the log-odds (nats, positive for Malay: {@link MalayIndonesian} plus any
     * pull of the document or hint, plus {@link #MALAY_PRIOR}); the confidence is the logistic probability of the
     * answer, so text without distinctive evidence gets a confidence near 0.5 whichever way it falls.
     */
    private Verdict idOrMs(float evidence) {
        float logOdds = evidence + MALAY_PRIOR;
        double confidence = Math.round(1000.0 / (1.0 + Math.exp(-Math.abs(logOdds)))) / 1000.0;
        return logOdds > 0 ? new Verdict(ms, "ms", confidence) : new Verdict(id, "id", confidence);
    }

    private Verdict best(float[] s) {
        int b = 0;
        int second = -1;
        for (int l = 1; l < s.length; l++) {
            if (s[l] > s[b]) {
                second = b;
                b = l;
            } else if (second < 0 || s[l] > s[second]) {
                second = l;
            }
        }
        double margin = second < 0 ? 10 : s[b] - s[second];
        double confidence = 1.0 - Math.exp(-margin / CONFIDENCE_SCALE);
        confidence = Math.round(Math.max(0.0, Math.min(1.0, confidence)) * 1000) / 1000.0;
        return new Verdict(b, model.language(b), confidence);
    }

    private int hintIndex(String hint) {
        String h = normalizeHint(hint);
        return h == null ? -1 : model.indexOf(h);
    }

    /** {@code "id-ID"}, {@code "in"}, {@code "ID_id"}, {@code "zsm"} to a model code; null when not usable. */
    static String normalizeHint(String hint) {
        if (hint == null) {
            return null;
        }
        String h = hint.strip().toLowerCase(Locale.ROOT);
        int cut = h.indexOf('-');
        if (cut < 0) {
            cut = h.indexOf('_');
        }
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        return switch (h) {
            case "" -> null;
            case "in", "ind" -> "id";
            case "zsm", "zlm", "msa", "may" -> "ms";
            case "jav", "jw" -> "jv";
            case "sun" -> "su";
            case "eng" -> "en";
            default -> h.length() <= 3 && h.chars().allMatch(c -> c >= 'a' && c <= 'z') ? h : null;
        };
    }

    /** End of a window of at most {@code max} chars from {@code from}, not splitting a surrogate pair or a word. */
    static int window(CharSequence text, int from, int max) {
        int end = text.length();
        if (end - from <= max) {
            return end;
        }
        int to = from + max;
        // extend to the end of the current word (bounded) so the last word is not cut
        int limit = Math.min(end, to + 24);
        while (to < limit && Character.isLetter(text.charAt(to))) {
            to++;
        }
        if (to < end && Character.isLowSurrogate(text.charAt(to))) {
            to++;
        }
        return to;
    }

    private record Verdict(int index, String code, double confidence) {
        static final Verdict NONE = new Verdict(-1, "und", 0.0);

        LanguageResult result() {
            return new LanguageResult(code, confidence);
        }
    }
}
