package dev.warta.enrich.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds, cuts and explains injected spam (online gambling SEO text, gambling promo comments, hidden link blocks)
 * per paragraph, and per sentence block inside long paragraphs when only part of one is spam.
 *
 * <p>Per paragraph: an allocation-free pre-filter ({@link QuickFilter}) passes plain text; the rest is normalised
 * ({@link TextNormalizer}) and checked for cues ({@link SpamCues}); only with a strong cue (or a weak one in a
 * short text) is the trained model ({@link SpamModel}, see {@link TrainSpamModel}) run. Its log-odds are combined
 * with the cue weights, minus counter-cues of news reporting on gambling (police, blocking, courts; stronger
 * when another paragraph of the article reports on gambling). A spam paragraph with a clean head or tail keeps
 * it; an article where at least half the text is spam is {@code wholePage}. Hidden html blocks with gambling
 * cues mark matching paragraphs, or are reported as extra segments with index -1.
 * Thread-safe; load once, share.
 *
 * <p>{@code SpamDetector.load().analyze(List.of("Berita ...", "Daftar slot gacor maxwin di MEGA88!"), null)}
 * flags the second paragraph as {@code gambling} and keeps the first.
 */
public final class SpamDetector {
    /** A segment at or above this score is spam. */
    public static final double THRESHOLD = 0.5;

    private static final double CLEAN = 0.2;
    private static final int SENTENCE_CHECK_MIN = 80;
    private static final int MAX_PARAGRAPHS = 10_000;
    static final int SHORT_TEXT = 200;

    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]{1,200}\"|\u201C[^\u201D\\n]{1,200}\u201D");

    private final SpamModel model;

    SpamDetector(SpamModel model) {
        this.model = model;
    }

    /** Loads the shipped model from the classpath. */
    public static SpamDetector load() {
        return new SpamDetector(SpamModel.load());
    }

    /** Verdict on one text: score, category, reasons and the cue summary. */
    record Judgement(double score, String category, List<String> reasons, SpamCues.Hits cues) {
        static final Judgement CLEAN_TEXT = new Judgement(0, null, List.of(), null);

        boolean spam() {
            return score >= THRESHOLD;
        }

        boolean gamblingCue() {
            return cues != null && (cues.gambling() > 0 || cues.brands() > 0 || cues.obfuscation() > 0);
        }
    }

    /** Scores one short text (a comment, a paragraph) on its own. */
    public double score(String text) {
        return judge(text, 0, false).score();
    }

    Judgement judge(String text, double extraGuard, boolean hidden) {
        if (text == null || text.isBlank()) {
            return Judgement.CLEAN_TEXT;
        }
        Reading r = read(text);
        return judge(r.normalized(), r.cues(), text.length(), extraGuard, hidden);
    }

    /** A text's normalised form and cues. */
    record Reading(TextNormalizer.Normalized normalized, SpamCues.Hits cues) {}

    /**
     * Normalises and reads the cues of {@code text}. When the words around quotations report (police, courts,
     * "disebut", said), the quoted slogans are the site's words reported, not the writer's: they are left out.
     */
    static Reading read(String text) {
        TextNormalizer.Normalized n = TextNormalizer.normalize(text);
        SpamCues.Hits cues = SpamCues.of(n, text);
        if (cues.guard() >= 1.0 && (cues.total() > 0 || cues.brands() > 0) && hasQuote(text)) {
            String outside = QUOTED.matcher(text).replaceAll(" ");
            TextNormalizer.Normalized un = TextNormalizer.normalize(outside);
            SpamCues.Hits uc = SpamCues.of(un, outside);
            if (uc.guard() >= 1.0) {
                List<String> reasons = new ArrayList<>(uc.reasons());
                reasons.add("reported-quote");
                return new Reading(
                        un,
                        new SpamCues.Hits(
                                uc.gambling(),
                                uc.promo(),
                                uc.guard(),
                                uc.urls(),
                                uc.brands(),
                                uc.obfuscation(),
                                uc.trigger(),
                                uc.strong(),
                                uc.topic() || cues.topic(),
                                uc.heavy(),
                                reasons));
            }
        }
        return new Reading(n, cues);
    }

    private static boolean hasQuote(String text) {
        return text.indexOf('"') >= 0 || text.indexOf('\u201C') >= 0 || text.indexOf('\u201D') >= 0;
    }

    /**
     * The model runs only behind the pre-filter: a strong cue (gambling or promo word, brand-like token, URL,
     * obfuscation), or a weak trigger word in a short text.
     */
    Judgement judge(TextNormalizer.Normalized n, SpamCues.Hits cues, int length, double extraGuard, boolean hidden) {
        if (!hidden && !cues.strong() && !(cues.trigger() && length < SHORT_TEXT)) {
            return Judgement.CLEAN_TEXT;
        }
        return model(n, cues, extraGuard, hidden);
    }

    /** The neighbour of a spam block: judged by the model whatever its cues (no keyword gate). */
    Judgement judgeUngated(String text, double extraGuard) {
        if (text == null || text.isBlank()) {
            return Judgement.CLEAN_TEXT;
        }
        Reading r = read(text);
        return model(r.normalized(), r.cues(), extraGuard, false);
    }

    private Judgement model(TextNormalizer.Normalized n, SpamCues.Hits cues, double extraGuard, boolean hidden) {
        double z = model.logit(SpamFeatures.extract(n, cues))
                + 0.35 * cues.gambling()
                + 0.25 * cues.promo()
                + 0.4 * Math.min(cues.obfuscation(), 6)
                + (cues.gambling() > 0 ? 0.7 : 0.3) * Math.min(cues.urls(), 4)
                + 0.3 * Math.min(cues.brands(), 4)
                - 0.8 * cues.guard();
        if (cues.obfuscation() == 0 && (cues.brands() == 0 || cues.guard() >= 1.0) && extraGuard > 0) {
            z -= extraGuard; // news about gambling: plain words only, in a text full of reporting vocabulary
        } else {
            z += 0.8 * Math.min(Math.max(0, cues.heavy() - 1), 4); // several distinct hard gambling terms
            if (cues.heavy() >= 3 && cues.guard() < 1.0 && extraGuard == 0) {
                // three or more distinct hard gambling terms and no reporting word: spam whatever the prose around
                z = Math.max(z, 0.8 * (cues.heavy() - 2));
            }
        }
        List<String> reasons = new ArrayList<>(cues.reasons());
        if (hidden) {
            z += 2.0;
            reasons.add("hidden-element");
        }
        double score = 1 / (1 + Math.exp(-z));
        if (score >= THRESHOLD) {
            reasons.add("model");
        }
        return new Judgement(score, category(cues, n.tokens().size()), List.copyOf(reasons), cues);
    }

    private static String category(SpamCues.Hits c, int tokens) {
        if (c.urls() >= 2 || (c.brands() >= 3 && tokens <= 8 * c.brands())) {
            return "seo-links";
        }
        if (c.gambling() > 0 || c.brands() > 0 || c.obfuscation() > 0 || c.promo() == 0) {
            return "gambling";
        }
        return c.promo() > 0 && c.reasons().contains("pesugihan") ? "scam" : "promo";
    }

    /** Judges each paragraph; {@code html} is the raw page when there is one (link density, hidden blocks), else null. */
    public SpamResult analyze(List<String> paragraphs, String html) {
        return analyze(null, paragraphs, html);
    }

    /**
     * Judges the title and each paragraph (every line of the page, boilerplate included: the caller decides what
     * to show); {@code html} is the raw page when there is one, else null. The title is never cut, but a spam
     * title flags the article.
     */
    public SpamResult analyze(String title, List<String> paragraphs, String html) {
        List<HtmlSignals.Hidden> hidden = HtmlSignals.scan(html);
        if (paragraphs == null || paragraphs.isEmpty()) {
            return hiddenOnly(hidden, title);
        }
        int count = Math.min(paragraphs.size(), MAX_PARAGRAPHS);
        boolean[] hiddenMatched = new boolean[hidden.size()];
        Judgement[] js = new Judgement[count];
        TextNormalizer.Normalized[] ns = new TextNormalizer.Normalized[count];
        SpamCues.Hits[] hs = new SpamCues.Hits[count];
        int reporting = 0;
        for (int i = 0; i < count; i++) {
            String p = paragraphs.get(i);
            if (p != null && !p.isBlank() && (!hidden.isEmpty() || !SpamCues.certainlyClean(p))) {
                Reading r = read(p);
                ns[i] = r.normalized();
                hs[i] = r.cues();
                if (hs[i].topic() && hs[i].guard() >= 1.5 && hs[i].obfuscation() == 0) {
                    reporting++;
                }
            }
        }
        // an article reporting on gambling (gambling words next to police / blocking / court words elsewhere)
        double extraGuard = reporting >= 1 ? 2.0 : 0.0;
        int spamParagraphs = 0;
        for (int i = 0; i < count; i++) {
            if (ns[i] == null) {
                js[i] = Judgement.CLEAN_TEXT;
                continue;
            }
            String p = paragraphs.get(i);
            boolean isHidden = matchesHidden(ns[i].text(), hidden, hiddenMatched);
            js[i] = judge(ns[i], hs[i], p.length(), extraGuard, isHidden);
            spamParagraphs += js[i].spam() ? 1 : 0;
        }
        if (spamParagraphs >= 2) {
            // an article already carrying injected gambling text: borderline gambling paragraphs go too
            for (int i = 0; i < count; i++) {
                Judgement j = js[i];
                if (!j.spam()
                        && j.score() >= 0.3
                        && j.cues() != null
                        && j.cues().gambling() >= 1.0) {
                    js[i] = new Judgement(
                            Math.max(j.score(), THRESHOLD),
                            j.category(),
                            append(j.reasons(), "spam-neighbourhood"),
                            j.cues());
                }
            }
        }
        Story story = spamParagraphs > 0 ? new Story(title, paragraphs, js, count) : null;
        if (spamParagraphs > 0) {
            SpamBlocks.extend(this, paragraphs, js, story, extraGuard);
        }
        String[] remaining = new String[count];
        List<SpamSegmentResult> segments = new ArrayList<>();
        Judgement titleJudgement = title == null || title.isBlank() || SpamCues.certainlyClean(title)
                ? Judgement.CLEAN_TEXT
                : judge(title, extraGuard, false);
        if (titleJudgement.spam()) {
            segments.add(new SpamSegmentResult(
                    TITLE,
                    titleJudgement.category(),
                    titleJudgement.score(),
                    title.strip(),
                    append(titleJudgement.reasons(), "title")));
        }
        long total = 0;
        long cut = 0;
        double max = titleJudgement.score();
        for (int i = 0; i < count; i++) {
            String p = paragraphs.get(i) == null ? "" : paragraphs.get(i);
            Judgement j = js[i];
            total += p.length();
            max = Math.max(max, j.score());
            remaining[i] = p;
            if (j.cues() == null) {
                continue;
            }
            List<String> sentences =
                    p.length() >= SENTENCE_CHECK_MIN && (j.spam() || j.cues().strong())
                            ? Sentences.split(p)
                            : List.of(p);
            if (sentences.size() < 2) {
                if (j.spam()) {
                    segments.add(new SpamSegmentResult(i, j.category(), j.score(), p, j.reasons()));
                    cut += p.length();
                    remaining[i] = "";
                }
                continue;
            }
            cut += splitParagraph(i, p, j, sentences, remaining, segments, extraGuard, story);
        }
        for (SpamSegmentResult s : segments) {
            max = Math.max(max, s.score());
        }
        addUnmatchedHidden(hidden, hiddenMatched, segments);
        for (SpamSegmentResult s : segments) {
            max = Math.max(max, s.score());
        }
        List<String> rest = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            rest.add(i < count ? remaining[i] : paragraphs.get(i) == null ? "" : paragraphs.get(i));
        }
        boolean flagged = !segments.isEmpty();
        boolean wholePage = flagged && total > 0 && cut * 2 >= total;
        double score = wholePage ? Math.max(max, 0.97) : max;
        return new SpamResult(flagged, round(score), wholePage, List.copyOf(segments), List.copyOf(rest));
    }

    /** Paragraph index of a segment that is the title. */
    public static final int TITLE = -2;

    /** Cuts the spam sentences of a long paragraph; returns the number of characters cut. */
    private long splitParagraph(
            int index,
            String p,
            Judgement whole,
            List<String> sentences,
            String[] remaining,
            List<SpamSegmentResult> segments,
            double extraGuard,
            Story story) {
        double guard = 0.8 * whole.cues().guard() + extraGuard;
        Judgement[] sj = new Judgement[sentences.size()];
        boolean anySpam = false;
        for (int k = 0; k < sentences.size(); k++) {
            sj[k] = judge(sentences.get(k), guard, whole.reasons().contains("hidden-element"));
            anySpam |= sj[k].spam();
        }
        if (!whole.spam() && !anySpam) {
            return 0;
        }
        boolean[] cutSentence = new boolean[sentences.size()];
        long cleanChars = 0;
        for (int k = 0; k < sentences.size(); k++) {
            Judgement s = sj[k];
            boolean clean = s.score() < CLEAN && !s.gamblingCue();
            // in a spam paragraph every sentence with a gambling signal goes; in a clean-looking one only
            // the spam sentences and their signalled neighbours
            cutSentence[k] = whole.spam() ? !clean : !clean && (s.spam() || near(sj, k));
            if (!cutSentence[k]) {
                cleanChars += sentences.get(k).length();
            }
        }
        int first = -1;
        int last = -1;
        for (int k = 0; k < cutSentence.length; k++) {
            if (cutSentence[k]) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        if (first < 0 && !whole.spam()) {
            return 0;
        }
        if (first < 0
                || whole.reasons().contains(SpamBlocks.JOINED)
                || whole.reasons().contains(SpamBlocks.VOICE)) {
            // spam as a whole (or part of an injected block) though no sentence alone is: the paragraph goes
            segments.add(new SpamSegmentResult(index, whole.category(), whole.score(), p, whole.reasons()));
            remaining[index] = "";
            return p.length();
        }
        // injected text is one block: cut everything between the first and last spam sentence
        for (int k = first; k <= last; k++) {
            if (!cutSentence[k]) {
                cutSentence[k] = true;
                cleanChars -= sentences.get(k).length();
            }
        }
        boolean atEdge = first == 0 || last == cutSentence.length - 1;
        if (whole.spam()
                && (!atEdge
                        || cleanChars * 10 < p.length() * 3L
                        || (story != null && !story.onTopic(keptPart(sentences, cutSentence), index)))) {
            // clean-looking first or last sentences of an off-topic spam paragraph do not survive alone
            segments.add(new SpamSegmentResult(index, whole.category(), whole.score(), p, whole.reasons()));
            remaining[index] = "";
            return p.length();
        }
        StringBuilder keep = new StringBuilder();
        StringBuilder spam = new StringBuilder();
        double best = 0;
        Judgement top = whole;
        for (int k = 0; k < sentences.size(); k++) {
            StringBuilder target = cutSentence[k] ? spam : keep;
            if (target.length() > 0) {
                target.append(' ');
            }
            target.append(sentences.get(k));
            if (cutSentence[k] && sj[k].score() > best) {
                best = sj[k].score();
                top = sj[k];
            }
        }
        remaining[index] = keep.toString();
        if (spam.length() > 0) {
            segments.add(new SpamSegmentResult(
                    index,
                    top.category(),
                    Math.max(best, whole.score()),
                    spam.toString(),
                    append(top.reasons(), "partial-paragraph")));
        }
        return spam.length();
    }

    /** A sentence with some spam signal sitting next to a spam sentence belongs to the same injected block. */
    private static boolean near(Judgement[] sj, int k) {
        boolean signal = sj[k].score() >= CLEAN || sj[k].gamblingCue();
        return signal && ((k > 0 && sj[k - 1].spam()) || (k + 1 < sj.length && sj[k + 1].spam()));
    }

    private static boolean matchesHidden(String n, List<HtmlSignals.Hidden> hidden, boolean[] matched) {
        if (hidden.isEmpty() || n.length() < 8) {
            return false;
        }
        String probe = n.length() > 80 ? n.substring(0, 80) : n;
        for (int h = 0; h < hidden.size(); h++) {
            if (probe.length() >= 8 && hidden.get(h).normalized().contains(probe)) {
                matched[h] = true;
                return true;
            }
        }
        return false;
    }

    private static void addUnmatchedHidden(
            List<HtmlSignals.Hidden> hidden, boolean[] matched, List<SpamSegmentResult> segments) {
        for (int h = 0; h < hidden.size(); h++) {
            if (!matched[h]) {
                HtmlSignals.Hidden b = hidden.get(h);
                String text = b.text().length() > 1000 ? b.text().substring(0, 1000) : b.text();
                List<String> reasons = append(b.cues().reasons(), "hidden-element");
                segments.add(new SpamSegmentResult(-1, b.links() >= 2 ? "seo-links" : "gambling", 0.95, text, reasons));
            }
        }
    }

    private SpamResult hiddenOnly(List<HtmlSignals.Hidden> hidden, String title) {
        List<SpamSegmentResult> segments = new ArrayList<>();
        Judgement t = title == null || title.isBlank() ? Judgement.CLEAN_TEXT : judge(title, 0, false);
        if (t.spam()) {
            segments.add(
                    new SpamSegmentResult(TITLE, t.category(), t.score(), title.strip(), append(t.reasons(), "title")));
        }
        addUnmatchedHidden(hidden, new boolean[hidden.size()], segments);
        double score = segments.isEmpty() ? 0.0 : Math.max(t.score(), hidden.isEmpty() ? 0 : 0.95);
        return new SpamResult(!segments.isEmpty(), round(score), !segments.isEmpty(), List.copyOf(segments), List.of());
    }

    private static String keptPart(List<String> sentences, boolean[] cut) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < sentences.size(); k++) {
            if (!cut[k]) {
                sb.append(sentences.get(k)).append(' ');
            }
        }
        return sb.toString();
    }

    static List<String> append(List<String> list, String extra) {
        List<String> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        if (!out.contains(extra)) {
            out.add(extra);
        }
        return List.copyOf(out);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
