package dev.warta.enrich.spam;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the shipped spam model: logistic regression (AdaGrad, fixed seed, fixed epochs: deterministic) on the
 * training four fifths of the labelled comments (see {@link LabelledComments#heldOut}), plus optional plain
 * Indonesian sentences as extra clean examples, and writes the quantised weights.
 *
 * <pre>
 * ./warta train spam [--data DIR]
 * </pre>
 * Run from the repository root. Arguments (all optional, defaults shown above): comments CSV, clean sentences
 * file (one per line, "-" for none), output model file. Retrain whenever {@link TextNormalizer}, {@link SpamCues}
 * or {@link SpamFeatures} change: the features are part of the model.
 */
public final class TrainSpamModel {
    private static final int EPOCHS = 6;
    private static final double RATE = 0.3;
    private static final double L2 = 1e-7;

    private TrainSpamModel() {
    }

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/spam/judol-comments-labelled.csv");
        String clean = args.length > 1 ? args[1] : "../shared/data/lang/sentences/id.txt";
        Path out = Path.of(args.length > 2 ? args[2]
                : "enrich/src/main/resources/dev/warta/enrich/spam/spam-model.bin.gz");

        List<int[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        int pos = 0;
        for (LabelledComments.Example e : LabelledComments.read(csv)) {
            if (!LabelledComments.heldOut(e.id())) {
                xs.add(features(e.text()));
                ys.add(e.spam());
                pos += e.spam() ? 1 : 0;
            }
        }
        int extra = 0;
        if (!clean.equals("-") && Files.exists(Path.of(clean))) {
            for (String line : Files.readAllLines(Path.of(clean), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    xs.add(features(line));
                    ys.add(false);
                    extra++;
                }
            }
        }
        System.err.printf("training on %d examples (%d spam, %d extra clean sentences)%n", xs.size(), pos, extra);
        SpamModel model = train(xs, ys);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            model.write(o);
        }
        System.err.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    static int[] features(String text) {
        TextNormalizer.Normalized n = TextNormalizer.normalize(text);
        return SpamFeatures.extract(n, SpamCues.of(n, text));
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
