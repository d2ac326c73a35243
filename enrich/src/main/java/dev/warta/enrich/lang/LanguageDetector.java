package dev.warta.enrich.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Language identification: a writing-system shortcut for non-Latin scripts, then naive Bayes over hashed character
 * n-grams (1..5) and words for Latin-script text ({@link TrainLanguageModel} builds the model). Codes are ISO 639-1
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

    /** Classpath location of the shipped model. */
    public static final String MODEL_RESOURCE = "/dev/warta/enrich/lang/model.bin.gz";

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

    /** Weight of the n-gram model's Malay-minus-Indonesian log-odds in the Indonesian/Malay decision. */
    static final float ID_MS_MODEL_WEIGHT = 0.1f;
    /** Evidence Malay needs over Indonesian: neutral text between the two is taken as Indonesian. */
    static final float ID_MS_THRESHOLD = 1.2f;
    /** Pull of the document's verdict (id or ms) on one paragraph's Indonesian/Malay decision. */
    static final float ID_MS_DOCUMENT_PRIOR = 3f;

    private static volatile LanguageDetector shared;

    private final NgramModel model;
    private final MalayIndonesian malayIndonesian = new MalayIndonesian();
    /** Log-prior (nats) of the regional languages of Indonesia against Indonesian: short ambiguous lines are Indonesian. */
    static final float REGIONAL_PRIOR = -2f;
    private static final java.util.Set<String> REGIONAL =
            java.util.Set.of("ace", "ban", "bbc", "bjn", "bug", "mad", "min", "nij", "jv", "su");

    private final int id;
    private final int ms;
    private final float[] prior;

    LanguageDetector(NgramModel model) {
        this.model = model;
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
                    d = new LanguageDetector(loadModel());
                    shared = d;
                }
            }
        }
        return d;
    }

    private static NgramModel loadModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model missing from classpath: " + MODEL_RESOURCE);
            }
            return NgramModel.read(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language model " + MODEL_RESOURCE, e);
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
            return document(paragraphs, hint);
        } catch (RuntimeException e) {
            List<LanguageResult> each = new ArrayList<>(paragraphs.size());
            for (int i = 0; i < paragraphs.size(); i++) {
                each.add(LanguageResult.UNKNOWN);
            }
            return new DocumentLanguage(LanguageResult.UNKNOWN, each);
        }
    }

    private DocumentLanguage document(List<String> paragraphs, String hint) {
        int n = model.size();
        int count = paragraphs.size();
        float[][] scores = new float[count][];
        Scripts.Tally[] tallies = new Scripts.Tally[count];
        int[] windows = new int[count];
        float[] doc = new float[n];
        int latinLetters = 0;
        java.util.Map<String, Integer> scriptLetters = new java.util.HashMap<>();
        int budget = DOCUMENT_BUDGET;
        for (int i = 0; i < count; i++) {
            String p = paragraphs.get(i);
            if (p == null || p.isEmpty()) {
                tallies[i] = Scripts.Tally.EMPTY;
                continue;
            }
            int share = budget > 0 ? Math.max(PARAGRAPH_WINDOW, budget / (count - i)) : TAIL_WINDOW;
            int to = window(p, 0, share);
            budget -= to;
            windows[i] = to;
            Scripts.Tally t = Scripts.tally(p, 0, to);
            tallies[i] = t;
            if (t.other() > t.latin()) {
                scriptLetters.merge(t.otherCode(), t.other(), Integer::sum);
            } else if (t.latin() > 0) {
                float[] s = newScores();
                model.score(p, 0, to, s);
                scores[i] = s;
                latinLetters += t.latin();
                for (int l = 0; l < n; l++) {
                    doc[l] += s[l];
                }
            }
        }
        // the document: the script with most letters, or the n-gram verdict over all Latin paragraphs
        String topScript = null;
        int topScriptLetters = 0;
        for (var e : scriptLetters.entrySet()) {
            if (e.getValue() > topScriptLetters || e.getValue() == topScriptLetters && e.getKey().compareTo(topScript) < 0) {
                topScript = e.getKey();
                topScriptLetters = e.getValue();
            }
        }
        int hinted = hintIndex(hint);
        LanguageResult document;
        int docIndex = -1;
        if (topScript != null && topScriptLetters > latinLetters) {
            double share = topScriptLetters / (double) (topScriptLetters + latinLetters);
            document = new LanguageResult(topScript, share);
        } else if (latinLetters > 0) {
            if (hinted >= 0) {
                doc[hinted] += HINT_PRIOR;
            }
            Verdict v = best(doc);
            if (isIdOrMs(v.index)) {
                float words = 0;
                for (int i = 0; i < count; i++) {
                    if (scores[i] != null) {
                        String p = paragraphs.get(i);
                        words += malayIndonesian.score(p, 0, windows[i]);
                    }
                }
                float hintPull = hinted == ms ? ID_MS_DOCUMENT_PRIOR : hinted == id ? -ID_MS_DOCUMENT_PRIOR : 0f;
                v = idOrMs(doc, words, hintPull);
            }
            docIndex = v.index;
            document = v.result();
        } else {
            String h = normalizeHint(hint);
            document = h != null ? new LanguageResult(h, 0.5) : LanguageResult.UNKNOWN;
        }
        List<LanguageResult> each = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Scripts.Tally t = tallies[i];
            if (t.other() > t.latin()) {
                each.add(new LanguageResult(t.otherCode(), t.other() / (double) (t.other() + t.latin())));
            } else if (scores[i] != null) {
                float[] s = scores[i];
                if (docIndex >= 0) {
                    s[docIndex] += DOCUMENT_PRIOR;
                }
                Verdict v = best(s);
                if (isIdOrMs(v.index)) {
                    float pull = docIndex == ms ? ID_MS_DOCUMENT_PRIOR : docIndex == id ? -ID_MS_DOCUMENT_PRIOR : 0f;
                    // the document prior was added to the model scores already; take it out of the damped term
                    if (docIndex == id || docIndex == ms) {
                        s[docIndex] -= DOCUMENT_PRIOR;
                    }
                    v = idOrMs(s, malayIndonesian.score(paragraphs.get(i), 0, windows[i]), pull);
                }
                each.add(v.result());
            } else {
                // no letters (numbers, emoji, a date line): follows the document, with less confidence
                each.add(document.code().equals("und") ? LanguageResult.UNKNOWN
                        : new LanguageResult(document.code(), document.confidence() / 2));
            }
        }
        return new DocumentLanguage(document, each);
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
            v = idOrMs(s, malayIndonesian.score(text, from, to), 0f);
        }
        return v;
    }

    private boolean isIdOrMs(int index) {
        return index >= 0 && (index == id || index == ms);
    }

    /**
     * Indonesian or Malay: the model's log-odds (damped: trained on each country's news it also learns topics)
     * plus word evidence ({@link MalayIndonesian}) plus a prior, against a threshold that keeps neutral text
     * Indonesian.
     */
    private Verdict idOrMs(float[] s, float words, float prior) {
        double d = ID_MS_MODEL_WEIGHT * (s[ms] - s[id]) + words + prior - ID_MS_THRESHOLD;
        double confidence = Math.round((1.0 - 0.5 * Math.exp(-Math.abs(d) / 2.0)) * 1000) / 1000.0;
        return d > 0 ? new Verdict(ms, "ms", confidence) : new Verdict(id, "id", confidence);
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
