package dev.warta.enrich.spam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains the shipped spam model: logistic regression (AdaGrad, fixed seed, fixed epochs: deterministic) on
 * <ul>
 * <li>the training four fifths of the labelled comments (see {@link LabelledComments#heldOut});</li>
 * <li>clean text: the Indonesian language-id sentences and a stride sample of the Indonesian and Malay news and
 *     prose lines under {@code lang/more/} (and every line there that reports on gambling);</li>
 * <li>generated examples ({@link SyntheticSpam}, training templates only): spam comments, SEO paragraphs and
 *     short link lines around invented brand names under random obfuscations (so the model learns the context of
 *     a brand, not a list of brands), promotional paragraphs without gambling words, and, as clean examples,
 *     news paragraphs reporting on gambling that quote a site's name and slogans;</li>
 * </ul>
 * and writes the quantised weights. {@code warta train spam} runs it; by hand, from the repository root:
 * <pre>
 * ./warta train spam [--data DIR]
 * </pre>
 * Retrain whenever {@link TextNormalizer}, {@link SpamCues} or {@link SpamFeatures} change: the features are part
 * of the model.
 */
public final class TrainSpamModel {
    private static final int EPOCHS = 6;
    private static final double RATE = 0.3;
    private static final double L2 = 1e-7;
    private static final int SYNTHETIC = 4000;
    private static final int LINES_PER_FILE = 2000;

    private TrainSpamModel() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(
                args.length > 1 ? args[1] : "enrich/src/main/resources/dev/warta/enrich/spam/spam-model.bin.gz");

        List<int[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        int pos = 0;
        for (LabelledComments.Example e : LabelledComments.read(data.resolve("spam/judol-comments-labelled.csv"))) {
            if (!LabelledComments.heldOut(e.id())) {
                xs.add(features(e.text()));
                ys.add(e.spam());
                pos += e.spam() ? 1 : 0;
            }
        }
        int clean = 0;
        for (String line : cleanLines(data)) {
            xs.add(features(line));
            ys.add(false);
            clean++;
        }
        int synthetic = 0;
        SyntheticSpam gen = new SyntheticSpam(new Random(13), SyntheticSpam.Set.TRAIN);
        for (int i = 0; i < SYNTHETIC; i++) {
            String brand = gen.brand();
            String[] spam = {gen.comment(brand), gen.seo(brand), gen.obfuscate(brand) + (i % 2 == 0 ? "" : " login")};
            for (String t : spam) {
                xs.add(features(t));
                ys.add(true);
            }
            if (i % 4 == 0) {
                xs.add(features(gen.sales()));
                ys.add(true);
            }
            if (i % 2 == 0) {
                xs.add(features(gen.report(brand)));
                ys.add(false);
                synthetic++;
            }
            synthetic += i % 4 == 0 ? 4 : 3;
            pos += i % 4 == 0 ? 4 : 3;
        }
        System.err.printf(
                "training on %d examples (%d spam, %d clean lines, %d generated)%n", xs.size(), pos, clean, synthetic);
        SpamModel model = train(xs, ys);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.err.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    /** A line about gambling written as reporting (police, courts, blocking): a clean example. */
    private static boolean reportsOnIt(String line) {
        return SpamDetector.read(line).cues().guard() >= 2.0;
    }

    /** Clean lines: language-id sentences, a stride sample of lang/more, and its lines reporting on gambling. */
    static List<String> cleanLines(Path data) throws IOException {
        List<String> out = new ArrayList<>();
        Path sentences = data.resolve("lang/sentences/id.txt");
        if (Files.exists(sentences)) {
            for (String line : Files.readAllLines(sentences, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        Path more = data.resolve("lang/more");
        if (Files.isDirectory(more)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(more)) {
                files = list.filter(f -> f.getFileName().toString().endsWith(".txt"))
                        .sorted()
                        .toList();
            }
            for (Path f : files) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                int stride = Math.max(1, lines.size() / LINES_PER_FILE);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String low = line.toLowerCase(Locale.ROOT);
                    if (!line.isBlank() && (i % stride == 0 || low.contains("judi") && reportsOnIt(line))) {
                        out.add(line);
                    }
                }
            }
        }
        return out;
    }

    static int[] features(String text) {
        SpamDetector.Reading r = SpamDetector.read(text);
        return SpamFeatures.extract(r.normalized(), r.cues());
    }

    static SpamModel train(List<int[]> xs, List<Boolean> ys) {
        float[] w = new float[SpamFeatures.DIM];
        float[] g2 = new float[SpamFeatures.DIM];
        double bias = 0;
        double biasG2 = 0;
        int[] order = new int[xs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(42);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double loss = 0;
            for (int idx : order) {
                int[] x = xs.get(idx);
                double y = ys.get(idx) ? 1 : 0;
                double scale = x.length == 0 ? 0 : 1.0 / Math.sqrt(x.length);
                double z = bias;
                for (int f : x) {
                    z += w[f] * scale;
                }
                double p = 1 / (1 + Math.exp(-z));
                loss += -(y * Math.log(p + 1e-12) + (1 - y) * Math.log(1 - p + 1e-12));
                double g = p - y;
                for (int f : x) {
                    double gf = g * scale + L2 * w[f];
                    g2[f] += (float) (gf * gf);
                    w[f] -= (float) (RATE * gf / Math.sqrt(g2[f] + 1e-8));
                }
                biasG2 += g * g;
                bias -= RATE * g / Math.sqrt(biasG2 + 1e-8);
            }
            System.err.printf("epoch %d loss %.4f%n", epoch + 1, loss / order.length);
        }
        return new SpamModel(w, (float) bias);
    }
}
