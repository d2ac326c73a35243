package dev.warta.enrich;

/** Receives the time each analyzer took, for metrics and benchmarks. Must be thread-safe. */
@FunctionalInterface
public interface StepTimer {
    StepTimer NONE = (step, nanos) -> { };

    void record(Analysis.Step step, long nanos);
}
