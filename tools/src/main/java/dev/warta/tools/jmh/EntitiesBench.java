package dev.warta.tools.jmh;

import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.Mention;
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

/**
 * {@link EntityTagger#tag} on the ~4 KB {@link BenchArticles} texts (Indonesian, English). JMH times wall clock, so
 * a cache-polluting neighbour thread on this 2-core box mostly measures descheduling (errors of +-250% in a trial);
 * the polluted figure comes from {@code ./warta-tools ner-speed ... 64}, which times the tagging thread's CPU.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./warta-tools jmh EntitiesBench -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EntitiesBench {
    private EntityTagger tagger;
    private String indonesian;
    private String english;

    @Setup
    public void setUp() {
        tagger = EntityTagger.load();
        indonesian = BenchArticles.indonesianText();
        english = BenchArticles.englishText();
    }

    @Benchmark
    public int tagIndonesian() {
        return tagger.tag(indonesian).size();
    }

    @Benchmark
    public List<Mention> tagEnglish() {
        return tagger.tag(english);
    }
}
