package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta tail}. */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print articles as they reach news.clean.")
public final class TailCommand extends NotBuiltYet {
}
