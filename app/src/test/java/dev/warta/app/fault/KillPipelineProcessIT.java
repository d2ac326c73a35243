package dev.warta.app.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warta.app.platform.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the whole pipeline process (broker, registry, enrich, sink in one JVM, as {@code warta run}) at seeded
 * random moments while it processes, then a restart on the same data dir. Opt-in ({@code -Dwarta.kill.cycles=10}, a
 * soak with 50; {@code -Dwarta.kill.seed=N} another seed): it is not yet green every time. In about one run of
 * three, a restart finds a transaction on news.enriched or a changelog that its coordinator reports committed
 * (CompleteCommit) with no commit marker in the partition; the Admin API can only abort such a transaction, which
 * would drop an acknowledged article, so the pipeline waits behind it (health 503) and the cycle times out. Each cycle: start, wait until the
 * stages run, produce a batch (acknowledged by the broker), kill -9 after 0–1.5 s. After each restart every article
 * produced so far must reach an outcome (progress, nothing acknowledged lost); at the end each article has exactly one
 * outcome (clean or filtered), no duplicate in news.clean, and raw = clean + filtered + dead letters.
 */
class KillPipelineProcessIT {
    static final int DEFAULT_CYCLES = 10;
    static final int PER_CYCLE = 30;

    @TempDir
    Path dir;

    @Test
    void shouldRecoverWithExactAccountingFromKillMinus9AtRandomMoments() throws Exception {
        assumeTrue(
                System.getProperty("warta.kill.cycles") != null,
                "opt-in: -Dwarta.kill.cycles=N (a committed transaction can lose its markers after kill -9, see above)");
        int cycles = Integer.getInteger("warta.kill.cycles", DEFAULT_CYCLES);
        Random random = new Random(Long.getLong("warta.kill.seed", 19L));
        int brokerPort = EmbeddedKafka.portOrFree(0);
        int registryPort = EmbeddedKafka.portOrFree(0);
        String bootstrap = "127.0.0.1:" + brokerPort;
        String url = "http://warta:kill@127.0.0.1:" + registryPort;
        List<Long> recoveryMillis = new ArrayList<>();
        StageProcess pipeline = StageProcess.pipeline("pipeline", dir, brokerPort, registryPort, "kill");
        try (pipeline) {
            for (int c = 0; c <= cycles; c++) {
                long started = System.nanoTime();
                pipeline.start();
                assertThat(pipeline.awaitMarker(PipelineMain.READY, c + 1, Duration.ofSeconds(180)))
                        .as("cycle %d: pipeline running; log:%n%s", c, pipeline.logTail())
                        .isTrue();
                int produced = c * PER_CYCLE;
                if (c > 0) {
                    // progress after the restart: everything acknowledged before the kill reaches an outcome
                    Outcomes o =
                            Outcomes.await(bootstrap, url, x -> x.accounted() >= produced, Duration.ofSeconds(120));
                    recoveryMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    assertThat(o.accounted())
                            .as("cycle %d: %s; log:%n%s", c, o, pipeline.logTail())
                            .isEqualTo(produced);
                    assertThat(o.duplicates()).as("cycle %d", c).isEmpty();
                }
                if (c == cycles) {
                    break;
                }
                FaultArticles.produce(bootstrap, url, produced, produced + PER_CYCLE);
                // the fault: a kill at a random moment while the batch is being processed
                TimeUnit.MILLISECONDS.sleep(random.nextInt(1500));
                pipeline.kill();
                assertThat(pipeline.alive()).isFalse();
            }
            int total = cycles * PER_CYCLE;
            Outcomes done = Outcomes.await(bootstrap, url, o -> o.accounted() >= total, Duration.ofSeconds(60));
            assertThat(done.duplicates()).as(done.toString()).isEmpty();
            assertThat(done.deadLetters).isEmpty();
            assertThat(done.accounted()).as(done.toString()).isEqualTo(total);
            for (int i = 0; i < total; i++) {
                String id = FaultArticles.id(i);
                assertThat(done.clean.getOrDefault(id, 0) + done.filtered.getOrDefault(id, 0))
                        .as(id)
                        .isEqualTo(1);
            }
            List<Long> sorted = new ArrayList<>(recoveryMillis);
            sorted.sort(null);
            System.out.printf(
                    "KillPipelineProcessIT: %d kill -9 cycles, %d articles; restart to all acknowledged articles "
                            + "accounted: min %d ms, median %d ms, max %d ms%n",
                    cycles, total, sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
    }
}
