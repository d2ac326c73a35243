package dev.warta.tools.jmh;

import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.enrich.Analysis;
import dev.warta.enrich.clean.Cleaned;
import dev.warta.enrich.clean.TextCleaner;
import dev.warta.enrich.extract.Extracted;
import dev.warta.enrich.extract.HtmlExtractor;
import dev.warta.enrich.lang.DocumentLanguage;
import dev.warta.enrich.lang.LanguageDetector;
import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
import dev.warta.enrich.spam.SpamDetector;
import dev.warta.enrich.spam.SpamResult;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH benchmarks of each analyzer and of the whole {@link Analysis#analyze} on ~4 KB articles
 * ({@link BenchArticles}). Average time per call in microseconds; the budget of the whole analysis is ~1500 us.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./warta-tools jmh AnalyzerBenchmarks -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 * Pick benchmarks with a regex, e.g. {@code 'AnalyzerBenchmarks.(language|analyzeText)'}; add {@code -prof gc} for
 * allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend =
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.warta,java.lang,java.util,java.math,org.apache.avro")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AnalyzerBenchmarks {
    private HtmlExtractor extractor;
    private TextCleaner cleaner;
    private SpamDetector spam;
    private LanguageDetector language;
    private EntityTagger entities;
    private Fingerprinter fingerprinter;
    private Analysis analysis;

    private String html;
    private String text;
    private List<String> paragraphs;
    private String englishText;
    private RawArticle rawText;
    private RawArticle rawHtml;

    @Setup
    public void setUp() {
        extractor = new HtmlExtractor();
        cleaner = new TextCleaner();
        spam = SpamDetector.load();
        language = LanguageDetector.load();
        entities = EntityTagger.load();
        fingerprinter = new Fingerprinter();
        analysis = Analysis.standard("jmh", dev.warta.enrich.StepTimer.NONE);
        html = BenchArticles.indonesianHtml();
        text = BenchArticles.indonesianText();
        paragraphs = Analysis.paragraphs(text);
        englishText = BenchArticles.englishText();
        rawText = BenchArticles.rawText();
        rawHtml = BenchArticles.rawHtml();
    }

    @Benchmark
    public Extracted extract() {
        return extractor.extract(html, "https://contoh.example/kota/2025/11/03/drainase-surabaya");
    }

    @Benchmark
    public Cleaned clean() {
        return cleaner.clean(BenchArticles.TITLE_ID, text);
    }

    @Benchmark
    public SpamResult spam() {
        return spam.analyze(paragraphs, html);
    }

    @Benchmark
    public DocumentLanguage language() {
        return language.detectDocument(paragraphs, null);
    }

    @Benchmark
    public List<Mention> entities() {
        return entities.tag(text);
    }

    @Benchmark
    public List<Mention> entitiesEnglish() {
        return entities.tag(englishText);
    }

    @Benchmark
    public void fingerprint(Blackhole bh) {
        bh.consume(fingerprinter.textHash(text));
        bh.consume(fingerprinter.minhash(text));
    }

    @Benchmark
    public EnrichedArticle analyzeText() {
        return analysis.analyze(rawText);
    }

    @Benchmark
    public EnrichedArticle analyzeHtml() {
        return analysis.analyze(rawHtml);
    }
}
