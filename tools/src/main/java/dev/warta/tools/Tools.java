package dev.warta.tools;

import dev.warta.tools.dedup.DedupBenchmark;
import dev.warta.tools.extract.ExtractionBenchmark;
import dev.warta.tools.ingest.IngestThroughput;
import dev.warta.tools.ingest.SourceSurvey;
import dev.warta.tools.lang.LanguageBenchmark;
import dev.warta.tools.ner.EnglishNerBenchmark;
import dev.warta.tools.ner.NerBenchmark;
import dev.warta.tools.ner.NerErrors;
import dev.warta.tools.ner.NerSpeed;
import dev.warta.tools.spam.SpamEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Evaluation and benchmark tools, one subcommand each: {@code ./warta-tools spam}, {@code ./warta-tools ner ...}
 * (the launcher builds {@code tools/target/warta-tools.jar} on first use). Every tool reads its own arguments; data
 * paths default to {@code ../shared/data/...}, relative to the repository root. Not part of the product: the
 * product's own measurements are {@code warta bench} and the {@code warta train} commands.
 */
@Command(
        name = "warta-tools",
        mixinStandardHelpOptions = true,
        description = "Evaluation and benchmark tools for warta (run from the repository root).",
        subcommands = {
            Tools.Spam.class,
            Tools.Lang.class,
            Tools.Ner.class,
            Tools.NerErrorsTool.class,
            Tools.NerSpeedTool.class,
            Tools.NerEnglish.class,
            Tools.Extract.class,
            Tools.Dedup.class,
            Tools.Sources.class,
            Tools.IngestSpeed.class,
            Tools.Jmh.class
        })
public final class Tools implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Tools()).execute(args));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a tool");
    }

    /** A tool's own entry point: it parses its arguments itself. */
    @FunctionalInterface
    interface EntryPoint {
        void run(String[] args) throws Exception;
    }

    /** Hands every argument, in order, to the tool's own entry point. */
    abstract static class Tool implements Callable<Integer> {
        @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @Unmatched
        List<String> args = new ArrayList<>();

        abstract EntryPoint entryPoint();

        @Override
        public Integer call() throws Exception {
            entryPoint().run(args.toArray(String[]::new));
            return 0;
        }
    }

    @Command(
            name = "spam",
            description = {
                "Spam handling through Analysis: injected-article P/R and token shares, "
                        + "clean-article flags, comment P/R/F1 (comments as title-less items), gambling reports flagged, spam-step "
                        + "CPU per 4 KB.",
                "Arguments: [--split dev|test|all] [--data DIR] [--reports FILE] [-v]"
            })
    static final class Spam extends Tool {
        @Override
        EntryPoint entryPoint() {
            return SpamEvaluation::main;
        }
    }

    @Command(
            name = "lang",
            description = {
                "Language detector accuracy on the held-out data and cost per 4 KB.",
                "Arguments: [LANG_DATA_DIR] [-v]"
            })
    static final class Lang extends Tool {
        @Override
        EntryPoint entryPoint() {
            return LanguageBenchmark::main;
        }
    }

    @Command(
            name = "ner",
            description = {
                "Entity tagger P/R/F1 per corpus family and type, cost per sentence.",
                "Arguments: [NER_DATA_DIR] | --seeds DIR"
            })
    static final class Ner extends Tool {
        @Override
        EntryPoint entryPoint() {
            return NerBenchmark::main;
        }
    }

    @Command(
            name = "ner-errors",
            description = {
                "Entity tagger error analysis (wrong type, boundary, missed, " + "spurious).",
                "Arguments: [NER_DATA_DIR] [FAMILY|all] [TOP]"
            })
    static final class NerErrorsTool extends Tool {
        @Override
        EntryPoint entryPoint() {
            return NerErrors::main;
        }
    }

    @Command(
            name = "ner-speed",
            description = {
                "Entity tagger CPU time per article and sentence in a warm JVM.",
                "Arguments: [TXT_DIR] [PASSES] [POLLUTE_MB]"
            })
    static final class NerSpeedTool extends Tool {
        @Override
        EntryPoint entryPoint() {
            return NerSpeed::main;
        }
    }

    @Command(
            name = "ner-en",
            description = {
                "English entity tagging: CoNLL F1 through warta ner's tagging (default "
                        + "and --lang en), CPU per 4 KB English article.",
                "Arguments: [CONLL_FILE...] [--fundus DIR]"
            })
    static final class NerEnglish extends Tool {
        @Override
        EntryPoint entryPoint() {
            return EnglishNerBenchmark::main;
        }
    }

    @Command(
            name = "extract",
            description = {
                "Main-text extraction P/R/F1 (ScrapingHub 4-gram shingle metric) through",
                "Analysis on fundus-layout or ScrapingHub-layout (ground-truth.json + html/) page sets; CPU per page.",
                "Arguments: [DIR...] [--raw] [--dump=DIR] [--warmup=N] [--quiet]"
            })
    static final class Extract extends Tool {
        @Override
        EntryPoint entryPoint() {
            return ExtractionBenchmark::main;
        }
    }

    @Command(
            name = "dedup",
            description = {
                "Near-duplicate detection precision/recall against brute-force Jaccard.",
                "Options: [--csv FILE] [--column NAME] [--bands N] [--rows N] [--capacity N] [--threshold X]"
            })
    static final class Dedup extends Tool {
        @Override
        EntryPoint entryPoint() {
            return DedupBenchmark::main;
        }
    }

    @Command(
            name = "sources",
            description = {
                "Per file: articles, skipped records and dead letters the sources " + "produce (no Kafka).",
                "Arguments: [PATH...]"
            })
    static final class Sources extends Tool {
        @Override
        EntryPoint entryPoint() {
            return SourceSurvey::main;
        }
    }

    @Command(
            name = "jmh",
            description = {
                "JMH benchmarks of each analyzer (AnalyzerBenchmarks, EntitiesBench).",
                "Arguments: JMH's own, e.g. AnalyzerBenchmarks -f 1 -wi 3 -w 1s -i 5 -r 1s [-prof gc]"
            })
    static final class Jmh extends Tool {
        @Override
        EntryPoint entryPoint() {
            return Main::main;
        }
    }

    @Command(
            name = "ingest-speed",
            description = {
                "Ingest throughput on generated articles.",
                "Options: [--count N] [--format txt|jsonl] [--seed N] [--bootstrap-servers HOST:PORT --registry-url URL]"
            })
    static final class IngestSpeed extends Tool {
        @Override
        EntryPoint entryPoint() {
            return IngestThroughput::main;
        }
    }
}
