package dev.warta.enrich.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link MalayIndonesian}: binary logistic regression (AdaGrad SGD, fixed seed) over its hashed features, on
 * Malaysian Malay against Indonesian text from {@code lang/more/}, {@code lang/malay/}, the Indonesian Leipzig and
 * NusaX sets and the Detik articles, minus the held-out fifth of each ({@link LangData#heldOut}).
 *
 * <p>Topic balance: every source has a fixed share of the training draws of its side, whatever its size (the
 * 6 MB of Malay motoring news get a tenth of the Malay draws, like the 0.2 MB of rural-economy news get a
 * twentieth), and both sides are drawn equally often; so the model cannot tell the languages apart by how often a
 * topic comes up, and neither language is the default. A third of the draws are cut to a random run of 1..8 words,
 * so short text learns its (lower) confidence. Features seen fewer than {@link #MIN_COUNT} times, and weights that
 * stay small (words both languages use alike), are set to zero: they carry no vote.
 */
final class TrainMalayIndonesian {

    /** log2 of the number of hash buckets (one byte each). */
    static final int BITS = 20;

    static final int EPOCHS = 4;
    /** Draws per epoch. */
    static final int DRAWS = 400_000;

    static final float RATE = 0.1f;
    static final float CLIP = 6f;
    /** Occurrences a feature bucket needs in the training draws to keep a weight. */
    static final int MIN_COUNT = 10;
    /** Share of draws cut to a short run of words. */
    static final double SHORT_SHARE = 0.33;

    static final long SEED = 42;

    /** One training source: its texts (sentence-sized units), label and share of its side's draws. */
    record Source(String name, boolean malay, double share, List<String> units) {}

    private TrainMalayIndonesian() {}

    /** The training sources under {@code data} (the {@code lang} folder), held-out items removed. */
    static List<Source> sources(Path data) throws IOException {
        List<Source> out = new ArrayList<>();
        Path more = data.resolve("more");
        // Malaysian Malay: news first (the register the detector mostly sees), then the rest by topic
        add(out, "malay/ms-sentences", true, 0.20, lines(data.resolve("malay/ms-sentences.txt")));
        add(out, "malay/majoriti-articles", true, 0.14, articleUnits(data.resolve("malay/majoriti-articles.jsonl")));
        add(out, "more/ms-motomalaya", true, 0.10, lines(more.resolve("ms-motomalaya.txt")));
        add(out, "more/ms-karangan-essays", true, 0.12, lines(more.resolve("ms-karangan-essays.txt")));
        add(out, "more/ms-doktorbudak", true, 0.07, lines(more.resolve("ms-doktorbudak.txt")));
        add(out, "more/ms-poliklinikazzaara", true, 0.04, lines(more.resolve("ms-poliklinikazzaara.txt")));
        add(out, "more/ms-bidadari", true, 0.06, lines(more.resolve("ms-bidadari.txt")));
        add(out, "more/ms-bnm", true, 0.05, lines(more.resolve("ms-bnm.txt")));
        add(out, "more/ms-suararisda", true, 0.05, lines(more.resolve("ms-suararisda.txt")));
        add(out, "more/ms-misc-sites", true, 0.06, lines(more.resolve("ms-misc-sites.txt")));
        add(out, "more/ms-sebenarnya-factcheck", true, 0.06, lines(more.resolve("ms-sebenarnya-factcheck.txt")));
        add(out, "more/ms-talpco", true, 0.05, lines(more.resolve("ms-talpco.txt")));
        // Indonesian
        add(out, "more/id-indosum", false, 0.20, lines(more.resolve("id-indosum.txt")));
        add(out, "more/id-mesolitica-indon-news", false, 0.12, lines(more.resolve("id-mesolitica-indon-news.txt")));
        add(out, "more/id-hoax-news", false, 0.12, lines(more.resolve("id-hoax-news.txt")));
        add(out, "more/id-media-news-2023", false, 0.08, lines(more.resolve("id-media-news-2023.txt")));
        add(out, "more/id-indonli-premises", false, 0.08, lines(more.resolve("id-indonli-premises.txt")));
        add(out, "more/id-indonli-hypotheses", false, 0.10, lines(more.resolve("id-indonli-hypotheses.txt")));
        add(out, "more/id-talpco", false, 0.05, lines(more.resolve("id-talpco.txt")));
        add(out, "sentences/id", false, 0.08, lines(data.resolve("sentences/id.txt")));
        add(out, "nusax/id", false, 0.08, nusaxIndonesian(data));
        Path detik = data.resolve("../news/detik-dev.csv");
        add(
                out,
                "news/detik",
                false,
                0.09,
                Files.exists(detik) ? units(trainPart(LangData.detikBodies(detik))) : List.of());
        return out;
    }

    private static void add(List<Source> out, String name, boolean malay, double share, List<String> units) {
        if (!units.isEmpty()) {
            out.add(new Source(name, malay, share, units));
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? trainPart(LangData.lines(file)) : List.of();
    }

    private static List<String> articleUnits(Path jsonl) throws IOException {
        return Files.exists(jsonl) ? units(trainPart(LangData.jsonlTexts(jsonl))) : List.of();
    }

    private static List<String> nusaxIndonesian(Path data) throws IOException {
        List<String> out = new ArrayList<>();
        for (String split : List.of("train.csv", "valid.csv")) {
            Path f = data.resolve("nusax").resolve(split);
            if (Files.exists(f)) {
                out.addAll(LangData.nusax(f).getOrDefault("id", List.of()));
            }
        }
        return out;
    }

    private static List<String> units(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            out.addAll(TrainLanguageModel.units(t));
        }
        return out;
    }

    private static List<String> trainPart(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (!LangData.heldOut(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Trains the model on the given sources (deterministic). */
    static MalayIndonesian train(List<Source> sources) {
        return train(sources, EPOCHS, DRAWS);
    }

    /** Trains the model with {@code epochs} passes of {@code draws} draws each (deterministic). */
    static MalayIndonesian train(List<Source> sources, int epochs, int draws) {
        int buckets = 1 << BITS;
        float[] w = new float[buckets];
        float[] g2 = new float[buckets];
        int[] seen = new int[buckets];
        float bias = 0;
        Sampler malay = new Sampler(sources, true);
        Sampler indonesian = new Sampler(sources, false);
        Random random = new Random(SEED);
        int[] features = new int[4096];
        int[] count = new int[1];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double loss = 0;
            int wrong = 0;
            for (int d = 0; d < draws; d++) {
                boolean y = (d & 1) == 0;
                String unit = (y ? malay : indonesian).draw(random);
                int from = 0;
                int to = unit.length();
                if (random.nextDouble() < SHORT_SHARE) {
                    long span = wordRun(unit, 1 + random.nextInt(8), random);
                    from = (int) (span >>> 32);
                    to = (int) span;
                }
                count[0] = 0;
                int[] f = features;
                MalayIndonesian.features(unit, from, to, BITS, b -> {
                    if (count[0] < f.length) {
                        f[count[0]++] = b;
                    }
                });
                int n = count[0];
                if (n == 0) {
                    continue;
                }
                double z = bias;
                for (int i = 0; i < n; i++) {
                    z += w[f[i]];
                }
                double p = 1 / (1 + Math.exp(-z));
                double target = y ? 1 : 0;
                loss -= Math.log(Math.max(1e-12, y ? p : 1 - p));
                if ((z > 0) != y) {
                    wrong++;
                }
                float g = (float) (target - p);
                for (int i = 0; i < n; i++) {
                    int b = f[i];
                    if (epoch == 0) {
                        seen[b]++;
                    }
                    g2[b] += g * g;
                    w[b] = Math.max(-CLIP, Math.min(CLIP, w[b] + RATE * g / (float) Math.sqrt(g2[b] + 1e-2f)));
                }
                bias += 0.001f * g;
            }
            System.out.printf(
                    "ms/id epoch %d: %d/%d draws wrong, mean loss %.4f, bias %.3f%n",
                    epoch + 1, wrong, draws, loss / draws, bias);
        }
        int kept = 0;
        for (int b = 0; b < buckets; b++) {
            if (seen[b] < MIN_COUNT) {
                w[b] = 0;
            } else if (w[b] != 0) {
                kept++;
            }
        }
        System.out.printf("ms/id: %d of %d buckets carry weight%n", kept, buckets);
        return MalayIndonesian.quantize(BITS, w, bias, CLIP);
    }

    /** A random run of {@code words} words of {@code text}, as {@code from << 32 | to}. */
    static long wordRun(String text, int words, Random random) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            if (i >= n) {
                break;
            }
            starts.add(i);
            while (i < n && text.charAt(i) != ' ') {
                i++;
            }
            ends.add(i);
        }
        if (starts.size() <= words) {
            return n;
        }
        int first = random.nextInt(starts.size() - words + 1);
        return ((long) starts.get(first) << 32) | ends.get(first + words - 1);
    }

    /** Draws a source of one side by its share, then one of its units uniformly. */
    private static final class Sampler {
        private final List<Source> sources = new ArrayList<>();
        private final double[] cumulative;

        Sampler(List<Source> all, boolean malay) {
            for (Source s : all) {
                if (s.malay() == malay) {
                    sources.add(s);
                }
            }
            cumulative = new double[sources.size()];
            double total = 0;
            for (int i = 0; i < sources.size(); i++) {
                total += sources.get(i).share();
                cumulative[i] = total;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= total;
            }
        }

        String draw(Random random) {
            double r = random.nextDouble();
            int i = 0;
            while (i < cumulative.length - 1 && r >= cumulative[i]) {
                i++;
            }
            List<String> units = sources.get(i).units();
            return units.get(random.nextInt(units.size()));
        }
    }
}
