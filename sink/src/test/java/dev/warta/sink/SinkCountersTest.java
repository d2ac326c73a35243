package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SinkCountersTest {
    @Test
    void shouldCountOutcomesByReason() {
        SinkCounters c = new SinkCounters();
        c.clean(false);
        c.clean(true);
        c.filtered(FilterReasons.LANGUAGE);
        assertThat(c.snapshot())
                .containsExactly(
                        java.util.Map.entry("clean", 2L),
                        java.util.Map.entry("clean.duplicate", 1L),
                        java.util.Map.entry("filtered.language", 1L));
        assertThat(c.get("filtered.empty")).isZero();
    }

    @Test
    void shouldNotLoseCountsFromConcurrentThreads() throws InterruptedException {
        SinkCounters c = new SinkCounters();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    c.filtered(FilterReasons.SPAM_PAGE);
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(c.get("filtered.spam-page")).isEqualTo(40_000);
    }
}
