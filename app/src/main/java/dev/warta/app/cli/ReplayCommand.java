package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta replay}. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Re-enrich the whole corpus in news.raw with the current enrichment version.")
public final class ReplayCommand extends NotBuiltYet {
}
