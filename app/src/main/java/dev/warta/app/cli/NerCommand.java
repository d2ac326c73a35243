package dev.warta.app.cli;

import picocli.CommandLine.Command;

/** {@code warta ner}. */
@Command(name = "ner", mixinStandardHelpOptions = true, description = "Tag CoNLL tokens from stdin with BIO entity tags (no Kafka).")
public final class NerCommand extends NotBuiltYet {
}
