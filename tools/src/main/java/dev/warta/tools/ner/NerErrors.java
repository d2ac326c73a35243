package dev.warta.tools.ner;

import dev.warta.enrich.ner.EntityTagger;
import dev.warta.enrich.ner.NerCorpus;
import dev.warta.enrich.ner.NerLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error analysis of the shipped tagger on the dev files, the way {@code warta ner} and articles tag them (model and
 * rules): per family, how many gold and predicted entities are exact, right span but wrong
 * type, overlapping with a wrong boundary, missed outright or spurious, and the most frequent surface forms of
 * each error kind.
 *
 * <pre>{@code
 * ./warta-tools ner-errors ../shared/data/ner [family|all] [top]
 * }</pre>
 */
public final class NerErrors {
    private NerErrors() {}

    private record Span(int start, int end, int type) {
        boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ner");
        String only = args.length > 1 && !args[1].isEmpty() && !args[1].equals("all") ? args[1] : null;
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        EntityTagger tagger = EntityTagger.load();
        for (Path f : NerCorpus.files(data, "dev", "valid")) {
            String family = NerCorpus.family(f);
            if (only != null && !only.equals(family)) {
                continue;
            }
            List<NerCorpus.Sentence> gold = NerCorpus.read(f);
            Map<String, Map<String, Integer>> examples = new HashMap<>();
            int[][] counts = new int[NerLabels.TYPES.size()][5];
            for (NerCorpus.Sentence s : gold) {
                int[] pred = tagger.labels(s.tokens(), null, true);
                List<Span> g = spans(s.labels());
                List<Span> p = spans(pred);
                for (Span gs : g) {
                    String kind = "missed";
                    Span match = null;
                    for (Span ps : p) {
                        if (ps.equals(gs)) {
                            kind = "exact";
                            break;
                        }
                        if (ps.start == gs.start && ps.end == gs.end) {
                            kind = "type";
                            match = ps;
                        } else if (ps.overlaps(gs) && match == null) {
                            kind = ps.type == gs.type ? "boundary" : "boundary+type";
                            match = ps;
                        }
                    }
                    int k = List.of("exact", "type", "boundary", "boundary+type", "missed")
                            .indexOf(kind);
                    counts[gs.type][k]++;
                    if (!kind.equals("exact")) {
                        String ex = NerLabels.TYPES.get(gs.type) + " " + text(s.tokens(), gs)
                                + (match == null
                                        ? ""
                                        : " -> " + NerLabels.TYPES.get(match.type) + " " + text(s.tokens(), match));
                        examples.computeIfAbsent(kind, x -> new HashMap<>()).merge(ex, 1, Integer::sum);
                    }
                }
                for (Span ps : p) {
                    boolean any = false;
                    for (Span gs : g) {
                        any |= gs.overlaps(ps);
                    }
                    if (!any) {
                        examples.computeIfAbsent("spurious", x -> new HashMap<>())
                                .merge(
                                        NerLabels.TYPES.get(ps.type) + " " + text(s.tokens(), ps) + "   | "
                                                + context(s.tokens(), ps),
                                        1,
                                        Integer::sum);
                    }
                }
            }
            System.out.printf("== %s%n", family);
            System.out.println("gold type      exact   type  bound  b+type missed");
            for (int t = 0; t < counts.length; t++) {
                System.out.printf(
                        Locale.ROOT,
                        "%-13s %6d %6d %6d %6d %6d%n",
                        NerLabels.TYPES.get(t),
                        counts[t][0],
                        counts[t][1],
                        counts[t][2],
                        counts[t][3],
                        counts[t][4]);
            }
            for (Map.Entry<String, Map<String, Integer>> e : examples.entrySet()) {
                int total = e.getValue().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum();
                System.out.printf("-- %s (%d)%n", e.getKey(), total);
                e.getValue().entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(top)
                        .forEach(x -> System.out.printf("   %3d %s%n", x.getValue(), x.getKey()));
            }
        }
    }

    private static String text(String[] toks, Span s) {
        return String.join(" ", List.of(toks).subList(s.start, s.end));
    }

    private static String context(String[] toks, Span s) {
        int from = Math.max(0, s.start - 3);
        int to = Math.min(toks.length, s.end + 3);
        return String.join(" ", List.of(toks).subList(from, to));
    }

    private static List<Span> spans(int[] labels) {
        List<Span> out = new ArrayList<>();
        NerLabels.forEachSpan(labels, true, (start, end, type) -> out.add(new Span(start, end, type)));
        return out;
    }
}
