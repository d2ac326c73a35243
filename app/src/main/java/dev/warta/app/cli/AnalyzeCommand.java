package dev.warta.app.cli;

import dev.warta.common.json.ArticleJson;
import dev.warta.enrich.Analysis;
import dev.warta.ingest.Item;
import dev.warta.ingest.Sources;
import dev.warta.schemas.EnrichedArticle;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code warta analyze PATH...}: the enrichment analysis without Kafka, one JSON object per article per line on
 * stdout; inputs that cannot be read are reported on stderr (one line each) and the run goes on.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description =
                "Analyse files offline (no Kafka): .txt, .html/.htm[.gz], .jsonl, .warc[.gz]/.arc, or directories "
                        + "of them. Prints one JSON object per article per line.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("no such file or directory: " + p);
            }
        }
        Analysis analysis = Analysis.standard();
        Sources sources = Sources.offline();
        PrintWriter out =
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        for (Path file : sources.expand(paths)) {
            List<Item> items = new java.util.ArrayList<>();
            sources.forEach(file, items::add);
            for (Item item : items) {
                if (item instanceof Item.Article a) {
                    try {
                        EnrichedArticle e = analysis.analyze(a.article());
                        out.println(ArticleJson.json(e, a.provenance()));
                    } catch (RuntimeException | StackOverflowError e) {
                        System.err.println("analyze: " + a.provenance() + ": " + e);
                    }
                } else if (item instanceof Item.Dead d) {
                    System.err.println("analyze: " + d.provenance() + ": "
                            + d.letter().getReason() + ": " + d.letter().getMessage());
                } else if (item instanceof Item.Skipped s) {
                    System.err.println("analyze: skipped " + s.provenance() + " (" + s.reason() + ")");
                }
            }
            out.flush();
        }
        out.flush();
        return 0;
    }
}
