package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta ingest}. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Publish articles from files, feeds, WARCs, an inbox directory or HTTP to news.raw.")
public final class IngestCommand extends NotBuiltYet {
}
