package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta sink}. */
@Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the sink stage: news.enriched -> news.clean / news.filtered.")
public final class SinkCommand extends NotBuiltYet {
}
