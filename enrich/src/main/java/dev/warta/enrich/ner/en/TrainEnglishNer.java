package dev.warta.enrich.ner.en;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the English tagger shipped as {@link EnglishTagger#MODEL_RESOURCE}: builds the {@link EnLexicon} (word
 * clusters from unlabelled English text, gazetteer phrases), then an averaged perceptron with Viterbi decoding over
 * {@link EnFeatures} on {@code ner/en/*-train.txt} (CoNLL-2003 train), and reports entity F1 on
 * {@code ner/en/*-valid.txt} (never trained on). Deterministic: fixed shuffle seed, no threads.
 *
 * <p>{@code warta train ner} runs it; by hand, from the repository root:
 * <pre>{@code
 * java -cp enrich/target/classes:... dev.warta.enrich.ner.en.TrainEnglishNer ../shared/data \
 *     enrich/src/main/resources/dev/warta/enrich/ner/en
 * }</pre>
 * Optional trailing arguments: {@code --epochs N} (default {@value #EPOCHS}), {@code --bits B} (hash table 2^B,
 * default {@value #BITS}), {@code --runs R} (perceptrons over different shuffles whose weights are averaged, default
 * {@value #RUNS}), {@code --dropout P} (share of capitalised training tokens whose word identity is hidden, default
 * {@value #DROPOUT}), {@code --limit S} (train on the first S sentences only: quick experiments),
 * {@code --lexicon reuse} (keep the lexicon already in the output directory).
 */
public final class TrainEnglishNer {
    static final int EPOCHS = 15;
    static final int BITS = 20;
    static final long SEED = 42;
    static final int RUNS = 3;
    static final double DROPOUT = 0.2;

    private TrainEnglishNer() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path outDir = Path.of(args.length > 1 ? args[1] : "enrich/src/main/resources/dev/warta/enrich/ner/en");
        int epochs = EPOCHS;
        int bits = BITS;
        int limit = Integer.MAX_VALUE;
        boolean reuseLexicon = false;
        int runs = RUNS;
        double dropout = DROPOUT;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--bits" -> bits = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Integer.parseInt(args[i + 1]);
                case "--lexicon" -> reuseLexicon = args[i + 1].equals("reuse");
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dropout" -> dropout = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path en = data.resolve("ner/en");
        List<EnCorpus.Sentence> train = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        try (var files = Files.list(en)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.contains("-train.")) {
                    train.addAll(EnCorpus.read(f));
                } else if (name.contains("-valid.") || name.contains("-dev.")) {
                    dev.add(f);
                }
            }
        }
        if (train.isEmpty()) {
            throw new IOException("no *-train.* file in " + en);
        }
        if (train.size() > limit) {
            train = train.subList(0, limit);
        }
        System.out.printf("en train: %d sentences%n", train.size());
        Files.createDirectories(outDir);
        Path lexFile = outDir.resolve(EnglishTagger.LEXICON_FILE);
        EnLexicon lexicon;
        if (reuseLexicon && Files.isRegularFile(lexFile)) {
            try (InputStream in = Files.newInputStream(lexFile)) {
                lexicon = EnLexicon.read(in);
            }
        } else {
            lexicon = EnLexiconBuild.build(
                    data, train.stream().map(EnCorpus.Sentence::tokens).toList());
            try (OutputStream os = Files.newOutputStream(lexFile)) {
                lexicon.write(os);
            }
            System.out.printf("wrote %s (%d bytes)%n", lexFile, Files.size(lexFile));
        }
        EnModel model = train(train, lexicon, bits, epochs, runs, dropout, SEED);
        Path modelFile = outDir.resolve(EnglishTagger.MODEL_FILE);
        try (OutputStream os = Files.newOutputStream(modelFile)) {
            model.write(os);
        }
        System.out.printf("wrote %s (%d bytes)%n", modelFile, Files.size(modelFile));
        EnModel loaded;
        try (InputStream in = Files.newInputStream(modelFile)) {
            loaded = EnModel.read(in);
        }
        EnglishTagger tagger = new EnglishTagger(loaded, lexicon);
        for (Path f : dev) {
            EnScore score = new EnScore();
            for (EnCorpus.Sentence s : EnCorpus.read(f)) {
                score.add(s.labels(), tagger.labels(s.tokens()));
            }
            System.out.printf("en dev %s (model as shipped): %s%n", f.getFileName(), score);
        }
    }

    /**
     * {@code runs} averaged perceptrons over different shuffles (and different dropped word identities), their
     * weights averaged: a cheap deterministic ensemble.
     */
    static EnModel train(
            List<EnCorpus.Sentence> train,
            EnLexicon lexicon,
            int bits,
            int epochs,
            int runs,
            double dropout,
            long seed) {
        EnModel model = new EnModel(bits);
        for (int run = 0; run < runs; run++) {
            EnModel one = perceptron(
                    train, features(train, lexicon, model.mask(), dropout, seed + run), bits, epochs, seed + run);
            for (int i = 0; i < model.weights.length; i++) {
                model.weights[i] += one.weights[i] / runs;
            }
            for (int i = 0; i < model.trans.length; i++) {
                model.trans[i] += one.trans[i] / runs;
            }
        }
        return model;
    }

    /** Word identities the features drop, so context, shape, clusters and gazetteer carry unseen names. */
    private static final int[] IDENTITY = {1, 2, 17, 18, 33};

    /**
     * Features of the training sentences; with probability {@code dropout} a capitalised token's word-identity
     * features are replaced by one shared "dropped" feature.
     */
    static List<int[]> features(List<EnCorpus.Sentence> train, EnLexicon lexicon, int mask, double dropout, long seed) {
        Random rnd = new Random(seed * 31 + 7);
        int k = EnFeatures.COUNT;
        List<int[]> feats = new ArrayList<>(train.size());
        for (EnCorpus.Sentence s : train) {
            int[] f = new int[s.tokens().length * k];
            EnFeatures.extract(EnFeatures.prepare(s.tokens(), lexicon), mask, f);
            if (dropout > 0) {
                for (int i = 0; i < s.tokens().length; i++) {
                    if (Character.isUpperCase(s.tokens()[i].charAt(0)) && rnd.nextDouble() < dropout) {
                        for (int t : IDENTITY) {
                            f[i * k + t] = (t * 0x9E3779B1 + 12345) & mask;
                        }
                    }
                }
            }
            feats.add(f);
        }
        return feats;
    }

    /** One averaged perceptron with Viterbi decoding. */
    static EnModel perceptron(List<EnCorpus.Sentence> train, List<int[]> feats, int bits, int epochs, long seed) {
        EnModel model = new EnModel(bits);
        int k = EnFeatures.COUNT;
        float[] w = model.weights;
        float[] t = model.trans;
        float[] wu = new float[w.length];
        float[] tu = new float[t.length];
        int labels = EnModel.LABELS;
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        long c = 1;
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int errors = 0;
            for (int idx : order) {
                int[] gold = train.get(idx).labels();
                int[] f = feats.get(idx);
                int n = gold.length;
                int[] pred = model.viterbi(model.emissions(f, n, k), n);
                boolean wrong = false;
                for (int i = 0; i < n; i++) {
                    int gp = i > 0 ? gold[i - 1] : -1;
                    int pp = i > 0 ? pred[i - 1] : -1;
                    if (gold[i] != pred[i]) {
                        wrong = true;
                        for (int q = i * k, end = q + k; q < end; q++) {
                            int base = f[q] * labels;
                            w[base + gold[i]] += 1;
                            wu[base + gold[i]] += c;
                            w[base + pred[i]] -= 1;
                            wu[base + pred[i]] -= c;
                        }
                    }
                    if (gold[i] != pred[i] || gp != pp) {
                        t[(gp + 1) * labels + gold[i]] += 1;
                        tu[(gp + 1) * labels + gold[i]] += c;
                        t[(pp + 1) * labels + pred[i]] -= 1;
                        tu[(pp + 1) * labels + pred[i]] -= c;
                    }
                }
                if (wrong) {
                    errors++;
                }
                c++;
            }
            System.out.printf("en epoch %d: %d/%d sentences wrong%n", e + 1, errors, order.length);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= wu[i] / c;
        }
        for (int i = 0; i < t.length; i++) {
            t[i] -= tu[i] / c;
        }
        return model;
    }
}
