package dev.warta.app.cli;

import dev.warta.enrich.lang.TrainLanguageModel;
import dev.warta.enrich.ner.TrainNer;
import dev.warta.enrich.ner.WordClusters;
import dev.warta.enrich.ner.en.TrainEnglishNer;
import dev.warta.enrich.ner.names.WorldNames;
import dev.warta.enrich.spam.TrainSpamModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code warta train ner|lang|spam}: rebuilds a shipped model from the evaluation data (deterministic), writing the
 * model files into the source tree's resources so the next build ships them. Runs the same training mains that are
 * documented in each trainer's Javadoc.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Rebuild a shipped model from the training data (no Kafka): ner (word clusters, then the tagger, "
                + "its lexicon and the listed-name table from ner/gazetteer), lang, spam. Writes into --resources; "
                + "rebuild the jar afterwards.")
public final class TrainCommand implements Callable<Integer> {
    /** Heap the NER word clustering needs (it counts neighbour distributions of ~10 MB of text). */
    static final long NER_HEAP = 2_500L * 1024 * 1024;

    enum Model {
        ner,
        lang,
        spam
    }

    @Parameters(index = "0", description = "which model: ${COMPLETION-CANDIDATES}")
    Model model;

    @Option(
            names = "--data",
            description = "training data root (default: ${DEFAULT-VALUE})",
            defaultValue = "../shared/data")
    Path data;

    @Option(
            names = "--resources",
            description = "where the model files go (default: ${DEFAULT-VALUE})",
            defaultValue = "enrich/src/main/resources")
    Path resources;

    @Option(
            names = "--lang",
            description = "ner only: train the tagger of one language, en or id (default: both; "
                    + "the cross-language names table is always rebuilt)")
    String lang;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            System.err.println("warta train: no training data at " + data + " (--data)");
            return 1;
        }
        switch (model) {
            case ner -> {
                if (lang != null && !lang.equals("en") && !lang.equals("id")) {
                    System.err.println("warta train ner: --lang is en or id, not " + lang);
                    return 2;
                }
                WorldNames.build(
                        data.resolve("ner/gazetteer"), resources.resolve("dev/warta/enrich/ner/names/world-names.tsv"));
                if (!"id".equals(lang)) {
                    TrainEnglishNer.main(new String[] {
                        data.toString(),
                        resources.resolve("dev/warta/enrich/ner/en").toString()
                    });
                }
                if ("en".equals(lang)) {
                    break;
                }
                if (Runtime.getRuntime().maxMemory() < NER_HEAP) {
                    System.err.println("warta train ner: needs a 3 GB heap: WARTA_JAVA_OPTS=-Xmx3g ./warta train ner");
                    return 1;
                }
                Path dir = resources.resolve("dev/warta/enrich/ner");
                Files.createDirectories(dir);
                WordClusters.main(new String[] {
                    data.toString(), dir.resolve("ner-clusters.tsv.gz").toString()
                });
                TrainNer.main(new String[] {
                    data.resolve("ner").toString(),
                    dir.resolve("ner-model.bin.gz").toString()
                });
            }
            case lang -> {
                Path dir = resources.resolve("dev/warta/enrich/lang");
                Files.createDirectories(dir);
                TrainLanguageModel.main(new String[] {
                    data.resolve("lang").toString(), dir.resolve("model.bin.gz").toString()
                });
            }
            case spam -> {
                Path dir = resources.resolve("dev/warta/enrich/spam");
                Files.createDirectories(dir);
                TrainSpamModel.main(new String[] {
                    data.toString(), dir.resolve("spam-model.bin.gz").toString()
                });
            }
            default -> throw new IllegalStateException(model.toString());
        }
        System.out.println("warta train " + model + ": model files written under " + resources
                + "; ./warta rebuilds the jar with them on its next start");
        return 0;
    }
}
