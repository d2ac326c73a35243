package dev.warta.app;

import dev.warta.app.cli.AnalyzeCommand;
import dev.warta.app.cli.BenchCommand;
import dev.warta.app.cli.ConfigDefaults;
import dev.warta.app.cli.EnrichCommand;
import dev.warta.app.cli.IngestCommand;
import dev.warta.app.cli.LangCommand;
import dev.warta.app.cli.NerCommand;
import dev.warta.app.cli.ReplayCommand;
import dev.warta.app.cli.ReviewCommand;
import dev.warta.app.cli.RunCommand;
import dev.warta.app.cli.SinkCommand;
import dev.warta.app.cli.TailCommand;
import dev.warta.app.cli.TrainCommand;
import dev.warta.ingest.http.ServerLimits;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code warta} command line. Exit codes: 0 ok, 1 failure (one-line reason on stderr), 2 bad usage. */
@Command(
        name = "warta",
        mixinStandardHelpOptions = true,
        versionProvider = Warta.Version.class,
        description = "Kafka-native news ingestion and enrichment pipeline.",
        subcommands = {
            RunCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            SinkCommand.class,
            TailCommand.class,
            ReplayCommand.class,
            AnalyzeCommand.class,
            LangCommand.class,
            NerCommand.class,
            ReviewCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Warta implements Runnable {

    public static void main(String[] args) {
        ServerLimits.install(); // request read deadline and connection bound of every HTTP endpoint of this process
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Warta());
        cli.setDefaultValueProvider(new ConfigDefaults());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("warta " + cmd.getCommandName() + ": " + oneLine(e));
            return 1;
        });
        return cli.execute(args);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s+", " ").strip();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The build's version. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"warta " + dev.warta.enrich.EnrichmentVersion.current()};
        }
    }
}
