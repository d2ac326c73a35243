package dev.warta.app.metrics;

/** The health of one stage of the process, as {@code /health} reports it. Implementations must be thread-safe. */
@FunctionalInterface
public interface StageHealth {
    Status status();

    /** A stage's name, its state in words, and whether that counts as up. */
    record Status(String name, String state, boolean up) {}
}
