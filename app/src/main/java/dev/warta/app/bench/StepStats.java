package dev.warta.app.bench;

import dev.warta.enrich.Analysis;
import dev.warta.enrich.StepTimer;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bench's analyzer figures: mean wall-clock and thread-CPU microseconds per call of each step, counted from
 * the last {@link #reset()} (the end of the warm-up), each call also passed on to {@code next} (the metrics'
 * timer). CPU is the honest per-analyzer cost on a saturated machine, where wall time includes waiting for a core.
 */
final class StepStats implements StepTimer {
    private final StepTimer next;
    private final LongAdder[] wall = adders();
    private final LongAdder[] cpu = adders();
    private final LongAdder[] calls = adders();

    StepStats(StepTimer next) {
        this.next = next;
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[Analysis.Step.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    @Override
    public void record(Analysis.Step step, long nanos) {
        next.record(step, nanos);
        wall[step.ordinal()].add(nanos);
        calls[step.ordinal()].increment();
    }

    @Override
    public boolean measuresCpu() {
        return true;
    }

    @Override
    public void recordCpu(Analysis.Step step, long cpuNanos) {
        cpu[step.ordinal()].add(cpuNanos);
    }

    /** Forgets what was counted so far. */
    void reset() {
        for (int i = 0; i < calls.length; i++) {
            wall[i].reset();
            cpu[i].reset();
            calls[i].reset();
        }
    }

    /** Mean wall-clock and CPU microseconds per call of {@code step} since the last reset, and the calls. */
    BenchReport.StepCost cost(Analysis.Step step) {
        long n = calls[step.ordinal()].sum();
        return new BenchReport.StepCost(
                n == 0 ? 0 : wall[step.ordinal()].sum() / 1e3 / n, n == 0 ? 0 : cpu[step.ordinal()].sum() / 1e3 / n, n);
    }
}
