package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta analyze}. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyse files offline (no Kafka): one JSON object per article per line.")
public final class AnalyzeCommand extends NotBuiltYet {
}
