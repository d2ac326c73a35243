package dev.warta.enrich;

/**
 * Receives the time each analyzer took, for metrics and benchmarks. Must be thread-safe. Wall-clock time always;
 * the analyzing thread's CPU time too when {@link #measuresCpu()} says so (it costs two clock reads per step,
 * so only benchmarks ask for it: on a busy machine wall time also counts the time the thread waited for a core).
 */
@FunctionalInterface
public interface StepTimer {
    StepTimer NONE = (step, nanos) -> {};

    /** Wall-clock nanoseconds of one call of {@code step}. */
    void record(Analysis.Step step, long nanos);

    /** Whether {@link #recordCpu} should be called (default: no). */
    default boolean measuresCpu() {
        return false;
    }

    /** CPU nanoseconds the analyzing thread spent in one call of {@code step} (only when {@link #measuresCpu()}). */
    default void recordCpu(Analysis.Step step, long cpuNanos) {}
}
