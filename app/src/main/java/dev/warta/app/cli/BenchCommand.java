package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta bench}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark the pipeline end to end against a pass-through baseline.")
public final class BenchCommand extends NotBuiltYet {
}
