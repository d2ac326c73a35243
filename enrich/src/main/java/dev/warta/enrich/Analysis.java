package dev.warta.enrich;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.enrich.clean.Cleaned;
import dev.warta.enrich.clean.TextCleaner;
import dev.warta.enrich.extract.Extracted;
import dev.warta.enrich.extract.HtmlExtractor;
import dev.warta.enrich.lang.DocumentLanguage;
import dev.warta.enrich.lang.LanguageDetector;
import dev.warta.enrich.lang.LanguageResult;
import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
import dev.warta.enrich.spam.SpamDetector;
import dev.warta.enrich.spam.SpamResult;
import dev.warta.enrich.spam.SpamSegmentResult;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.Language;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.RemovedText;
import dev.warta.schemas.Segment;
import dev.warta.schemas.Spam;
import dev.warta.schemas.SpamSegment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The analysis {@code RawArticle → EnrichedArticle}: extract, clean, spam, language, entities, fingerprint. A
 * pure function of its input (and the clock for {@code enrichedAt}); built once and shared by every stream
 * thread and by the offline commands.
 */
public final class Analysis {
    /** Analyzer names, in the order they run; used for per-analyzer timings. */
    public enum Step {
        EXTRACT,
        CLEAN,
        SPAM,
        LANGUAGE,
        ENTITIES,
        FINGERPRINT
    }

    private final HtmlExtractor extractor;
    private final TextCleaner cleaner;
    private final SpamDetector spam;
    private final LanguageDetector language;
    private final EntityTagger entities;
    private final Fingerprinter fingerprinter;
    private final String version;
    private final Clock clock;
    private static final int BOILERPLATE_ITEMS = 64;
    private static final int BOILERPLATE_CHARS = 8 * 1024;
    private static final int SHORT_ITEM = 400;
    private static final int ONE_PARAGRAPH = 3000;
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final StepTimer timer;

    public Analysis(
            HtmlExtractor extractor,
            TextCleaner cleaner,
            SpamDetector spam,
            LanguageDetector language,
            EntityTagger entities,
            Fingerprinter fingerprinter,
            String version,
            Clock clock,
            StepTimer timer) {
        this.extractor = extractor;
        this.cleaner = cleaner;
        this.spam = spam;
        this.language = language;
        this.entities = entities;
        this.fingerprinter = fingerprinter;
        this.version = version;
        this.clock = clock;
        this.timer = timer;
    }

    /** The analysis with the shipped models, the build's enrichment version and no timing. */
    public static Analysis standard() {
        return standard(EnrichmentVersion.current(), StepTimer.NONE);
    }

    /** The analysis with the shipped models. */
    public static Analysis standard(String version, StepTimer timer) {
        return new Analysis(
                new HtmlExtractor(),
                new TextCleaner(),
                SpamDetector.load(),
                LanguageDetector.load(),
                EntityTagger.load(),
                new Fingerprinter(),
                version,
                Clock.systemUTC(),
                timer);
    }

    public String version() {
        return version;
    }

    /** Analyses one article. Never returns null; throws only on a bug, which the stage dead-letters. */
    public EnrichedArticle analyze(RawArticle raw) {
        Map<String, String> provenance = new HashMap<>();
        boolean html = raw.getContentType() != null
                && raw.getContentType().toLowerCase().contains("html");
        String title = raw.getTitle();
        String url = raw.getUrl();
        String text;
        String publishedAt = null;
        List<String> authors = List.of();
        String siteName = null;
        String hint = raw.getLanguageHint();
        if (html) {
            Extracted e = timed(Step.EXTRACT, () -> extractor.extract(raw.getBody(), raw.getUrl()));
            text = nz(e.text());
            if (e.title() != null && !e.title().isBlank()) {
                title = e.title();
            }
            if (e.publishedAt() != null) {
                publishedAt = e.publishedAt();
                provenance.put("publishedAt", "html:" + e.publishedAtRule());
            }
            authors = e.authors() == null ? List.of() : e.authors();
            siteName = e.siteName();
            if (e.canonicalUrl() != null && !e.canonicalUrl().isBlank()) {
                url = e.canonicalUrl();
            }
            if (hint == null) {
                hint = e.languageHint();
            }
        } else {
            text = stripTitleLine(nz(raw.getBody()), title);
        }
        String pageTitle = html || !titleIsFirstLine(title, nz(raw.getBody()))
                ? title
                : TitleChooser.choose(title, nz(raw.getBody()));
        String finalTitle = title;
        String extractedText = text;
        boolean shortItem = !html && shortItem(text);
        Cleaned cleaned = timed(
                Step.CLEAN,
                () -> shortItem
                        ? wholeItem(extractedText)
                        : html
                                ? cleaner.cleanExtracted(finalTitle, extractedText)
                                : cleaner.clean(finalTitle, extractedText));
        if (publishedAt == null && cleaned.publishedAt() != null) {
            publishedAt = cleaned.publishedAt();
            provenance.put("publishedAt", "text:" + cleaned.publishedAtRule());
        }
        if (publishedAt == null && raw.getPublishedAt() != null) {
            publishedAt = raw.getPublishedAt();
            provenance.put("publishedAt", "source-metadata");
        }
        // spam is judged on the raw item: the title and every line, the ones the cleaner dropped included
        List<Cleaned.Line> lines = cleaned.lines();
        List<String> units = new ArrayList<>(lines.size());
        for (Cleaned.Line l : lines) {
            units.add(l.text());
        }
        SpamResult spamResult = timed(Step.SPAM, () -> spam.analyze(finalTitle, units, html ? raw.getBody() : null));
        List<String> kept = kept(lines, spamResult.remaining());
        String hintFinal = hint;
        DocumentLanguage lang = timed(Step.LANGUAGE, () -> language.detectDocument(kept, hintFinal));
        provenance.put("language", "warta-lang" + (hint != null ? "+hint:" + hint : ""));
        String cleanText = String.join("\n\n", kept);
        List<String> paragraphLanguages =
                lang.paragraphs().stream().map(LanguageResult::code).toList();
        List<Mention> mentions = timed(
                Step.ENTITIES,
                () -> entities.tag(kept, paragraphLanguages, lang.document().code()));
        Fingerprinter.Fingerprint fingerprint = timed(Step.FINGERPRINT, () -> fingerprinter.fingerprint(cleanText));

        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(url)
                .setSourceType(raw.getSourceType())
                .setSource(raw.getSource())
                .setProvenance(raw.getProvenance())
                .setFetchedAt(raw.getFetchedAt())
                .setEnrichedAt(clock.instant())
                .setEnrichmentVersion(version)
                .setTitle(pageTitle == null ? null : pageTitle.strip())
                .setText(cleanText)
                .setPublishedAt(publishedAt)
                .setAuthors(new ArrayList<>(authors))
                .setSiteName(siteName)
                .setCredits(new ArrayList<>(cleaned.credits()))
                .setLanguage(language(lang.document()))
                .setSegments(segments(kept, lang.paragraphs()))
                .setSpam(spam(spamResult))
                .setEntities(entities(mentions))
                .setTextHash(fingerprint.textHash())
                .setMinhash(toList(fingerprint.minhash()))
                .setDuplicateOf(null)
                .setSimilarity(null)
                .setFilterReason(null)
                .setFieldProvenance(provenance)
                .setBoilerplate(boilerplate(lines, spamResult.remaining()))
                .build();
    }

    private <T> T timed(Step step, Supplier<T> work) {
        boolean cpu = timer.measuresCpu();
        long cpuStart = cpu ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timer.record(step, System.nanoTime() - start);
            if (cpu) {
                timer.recordCpu(step, THREADS.getCurrentThreadCpuTime() - cpuStart);
            }
        }
    }

    /** Splits text into paragraphs at blank lines (or single newlines when there are no blank lines). */
    public static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.split("\\n\\s*\\n")) {
            String s = p.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The story: what the cleaner kept minus spam; never empty when the item had text that is not all spam. */
    private static List<String> kept(List<Cleaned.Line> lines, List<String> remaining) {
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).kept() && !remaining.get(i).isEmpty()) {
                kept.add(remaining.get(i));
            }
        }
        if (kept.isEmpty()) {
            // the cleaner found no story (a short item, a page of short lines): keep what is not spam
            for (String r : remaining) {
                if (!r.isEmpty()) {
                    kept.add(r);
                }
            }
        }
        if (kept.isEmpty()) {
            // all of it is spam: the text stays (flagged, whole page), an item is never emptied
            for (Cleaned.Line l : lines) {
                kept.add(l.text());
            }
        }
        return kept;
    }

    /** What the cleaner removed that is not spam, in page order, bounded. */
    private static List<RemovedText> boilerplate(List<Cleaned.Line> lines, List<String> remaining) {
        List<RemovedText> out = new ArrayList<>();
        int budget = BOILERPLATE_CHARS;
        for (int i = 0; i < lines.size() && out.size() < BOILERPLATE_ITEMS && budget > 0; i++) {
            Cleaned.Line l = lines.get(i);
            String r = remaining.get(i);
            if (l.kept() || r.isEmpty()) {
                continue;
            }
            String t = r.length() > budget ? r.substring(0, budget) : r;
            budget -= t.length();
            out.add(new RemovedText(t, l.dropped()));
        }
        return out;
    }

    /**
     * A comment, a post, a one-paragraph text: analysed whole, nothing of it is page boilerplate. A text without a
     * line break, a single paragraph, or a text shorter than {@value #SHORT_ITEM} characters.
     */
    static boolean shortItem(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return false;
        }
        return t.indexOf('\n') < 0
                || t.length() < SHORT_ITEM
                || (t.length() < ONE_PARAGRAPH && !BLANK_LINE.matcher(t).find());
    }

    private static Cleaned wholeItem(String text) {
        String t = text.strip();
        return new Cleaned(t, List.of(), null, null, t.isEmpty() ? List.of() : List.of(new Cleaned.Line(t, null)));
    }

    /** A text page's title is its first non-empty line (the seeds' convention); an item with fields has its own. */
    private static boolean titleIsFirstLine(String title, String body) {
        if (title == null || title.isBlank()) {
            return false;
        }
        String first = body.stripLeading().lines().findFirst().orElse("");
        return first.strip().equals(title.strip());
    }

    private static String stripTitleLine(String body, String title) {
        if (title == null || title.isBlank()) {
            return body;
        }
        String trimmed = body.stripLeading();
        String firstLine = trimmed.lines().findFirst().orElse("");
        if (firstLine.strip().equals(title.strip())) {
            return trimmed.substring(firstLine.length());
        }
        return body;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Language language(LanguageResult r) {
        return new Language(r.code(), r.confidence());
    }

    private static List<Segment> segments(List<String> kept, List<LanguageResult> langs) {
        List<Segment> out = new ArrayList<>(kept.size());
        int offset = 0;
        for (int i = 0; i < kept.size(); i++) {
            int end = offset + kept.get(i).length();
            LanguageResult r = i < langs.size() ? langs.get(i) : LanguageResult.UNKNOWN;
            out.add(new Segment(offset, end, language(r)));
            offset = end + 2;
        }
        return out;
    }

    private static Spam spam(SpamResult r) {
        List<SpamSegment> segs = new ArrayList<>();
        for (SpamSegmentResult s : r.segments()) {
            segs.add(new SpamSegment(s.category(), s.score(), s.text(), new ArrayList<>(s.reasons())));
        }
        return new Spam(r.flagged(), r.score(), r.wholePage(), segs);
    }

    private static List<Entity> entities(List<Mention> mentions) {
        List<Entity> out = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            out.add(new Entity(m.text(), m.type(), m.start(), m.end(), m.canonical(), m.wikidataId()));
        }
        return out;
    }

    private static List<Integer> toList(int[] values) {
        List<Integer> out = new ArrayList<>(values.length);
        for (int v : values) {
            out.add(v);
        }
        return out;
    }
}
