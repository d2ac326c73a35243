package dev.warta.app.cli;

import dev.warta.enrich.ner.ConllTagging;
import dev.warta.enrich.ner.EntityTagger;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code warta ner}: CoNLL tokens on stdin, {@code token<TAB>tag} (BIO) on stdout. */
@Command(
        name = "ner",
        mixinStandardHelpOptions = true,
        description =
                "Read CoNLL-style tokens from stdin (first column = token, blank line between sentences) and print "
                        + "token<TAB>tag per token, BIO tags with PERSON / ORGANIZATION / LOCATION (and EVENT) (no Kafka).")
public final class NerCommand implements Callable<Integer> {
    enum Lang {
        en,
        id
    }

    @Option(
            names = "--lang",
            description = "the input's language: ${COMPLETION-CANDIDATES} (default: detected per "
                    + "sentence; English sentences go to the English tagger, others to the Indonesian one)")
    Lang lang;

    @Option(
            names = "--convention",
            paramLabel = "FAMILY",
            description = "analysis only: score with a training corpus family's annotation habits (nergrit, nerp, "
                    + "nerui, nerugm, idner-news) and no article rules; default: the article tagger")
    String convention;

    @Override
    public Integer call() throws Exception {
        EntityTagger tagger = EntityTagger.load().withLanguage(lang == null ? null : lang.name());
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        ConllTagging.run(
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, tagger, convention);
        out.flush();
        return 0;
    }
}
