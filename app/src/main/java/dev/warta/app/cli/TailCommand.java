package dev.warta.app.cli;

import dev.warta.app.platform.ArticleFollower;
import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.common.json.ArticleJson;
import dev.warta.schemas.Topics;
import dev.warta.sink.TailFilter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code warta tail}: subscribe and print one line (or JSON object) per article as it arrives. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = "Follow news.clean (or another article topic) and print one line per article, or its JSON.")
public final class TailCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--topic",
            defaultValue = Topics.CLEAN,
            description = "Topic to follow (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--lang", paramLabel = "CODE", description = "Only articles in this language (ISO 639-1).")
    String lang;

    @Option(
            names = "--entity",
            paramLabel = "NAME",
            description = "Only articles mentioning this entity (canonical name or surface form).")
    String entity;

    @ArgGroup(exclusive = true)
    SpamChoice spam;

    @Option(names = "--from-beginning", description = "Start at the beginning of the topic instead of now.")
    boolean fromBeginning;

    @Option(names = "--json", description = "Print each article as one JSON object per line.")
    boolean json;

    static final class SpamChoice {
        @Option(names = "--spam", description = "Only articles flagged as spam.")
        boolean spam;

        @Option(names = "--no-spam", description = "Only articles not flagged as spam.")
        boolean noSpam;
    }

    @Override
    public Integer call() throws Exception {
        TailFilter.Spam spamFilter =
                spam == null ? TailFilter.Spam.ANY : spam.spam ? TailFilter.Spam.SPAM : TailFilter.Spam.NO_SPAM;
        TailFilter filter = new TailFilter(lang, entity, spamFilter);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                ArticleFollower follower = new ArticleFollower(
                                platform,
                                topic,
                                null,
                                fromBeginning,
                                a -> {
                                    if (filter.test(a)) {
                                        out.println(json ? ArticleJson.json(a) : ArticleJson.line(a));
                                    }
                                },
                                e -> System.err.println("skipped undecodable record " + e))
                        .start()) {
            life.await();
        }
        return 0;
    }
}
