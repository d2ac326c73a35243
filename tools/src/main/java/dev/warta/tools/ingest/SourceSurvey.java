package dev.warta.tools.ingest;

import dev.warta.ingest.Item;
import dev.warta.ingest.Sources;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads files without Kafka and prints, per file, how many articles, skipped records and dead letters (with their
 * reasons) the sources produce. Run:
 * {@code ./warta-tools sources ../shared/data/warc}
 */
public final class SourceSurvey {
    private SourceSurvey() {}

    public static void main(String[] args) throws Exception {
        Sources sources = Sources.offline();
        List<Path> files = sources.expand(Arrays.stream(args.length == 0 ? new String[] {"../shared/data/warc"} : args)
                .map(Path::of)
                .toList());
        for (Path f : files) {
            int[] counts = new int[3];
            Map<String, Integer> reasons = new TreeMap<>();
            sources.forEach(f, item -> {
                if (item instanceof Item.Article) {
                    counts[0]++;
                } else if (item instanceof Item.Skipped s) {
                    counts[1]++;
                } else if (item instanceof Item.Dead d) {
                    counts[2]++;
                    reasons.merge(d.letter().getReason(), 1, Integer::sum);
                }
            });
            System.out.printf(
                    "%-60s articles=%d skipped=%d dead=%d %s%n",
                    f, counts[0], counts[1], counts[2], reasons.isEmpty() ? "" : reasons);
        }
    }
}
