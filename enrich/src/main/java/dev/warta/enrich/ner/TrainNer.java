package dev.warta.enrich.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trains the shipped sequence tagger: an averaged perceptron with Viterbi decoding over hashed features
 * ({@link NerFeatures}; gazetteer from the classpath, {@link WordClusters} {@code ner-clusters.tsv.gz} from the
 * output's directory, {@link NerKnowledge} built from the data dir's {@code gazetteer/} lists and written next to
 * the model as {@code ner-knowledge.bin.gz}) on every {@code *-train.*} file of the NER data dir, and reports
 * entity F1 on the {@code *-dev.*} / {@code *-valid.*} files (never trained on).
 * Deterministic: fixed shuffle seed, no threads.
 *
 * <p>Reproduce the shipped model from the repository root (the word clusters first, they are features):
 * <pre>{@code
 * WARTA_JAVA_OPTS=-Xmx3g ./warta train ner [--data DIR]
 * }</pre>
 * It also writes, next to the model, the {@link NerLexicon} of training names {@code ner-lexicon.bin.gz}
 * (features of fold k of the training sentences use a lexicon built without fold k).
 * Optional trailing arguments: {@code --epochs N} (default 24), {@code --bits B} (hash table size 2^B, default 19),
 * {@code --runs R} (perceptrons over different shuffles and jackknife folds whose weights are averaged,
 * default 4),
 * {@code --seed S} (shuffle seed of the first run, default 42; to measure how much F1 moves with the shuffle alone),
 * {@code --family-features false} (no per-family feature copies; the shipped model is trained with them),
 * {@code --dropout P} (probability that an entity token's word-identity features are dropped each time its
 * sentence is seen, default 0: on dev, single runs with 0.1 and 0.3 scored within the shuffle noise of 0, no
 * better on names unseen in training).
 */
public final class TrainNer {
    static final int CAP_BITS = 18;
    /** Folds of the jackknifed training lexicon. */
    static final int FOLDS = 5;

    private static final String DEFAULT_OUTPUT = "enrich/src/main/resources/dev/warta/enrich/ner/ner-model.bin.gz";

    private TrainNer() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ner");
        Path out = Path.of(args.length > 1 ? args[1] : DEFAULT_OUTPUT);
        int epochs = 24;
        int bits = 19;
        boolean familyFeatures = true;
        int runs = 4;
        long seed = 42;
        double dropout = 0;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                case "--bits" -> bits = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--family-features" -> familyFeatures = Boolean.parseBoolean(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--dropout" -> dropout = Double.parseDouble(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Gazetteer gaz = Gazetteer.load();
        List<NerCorpus.Sentence> train = new ArrayList<>();
        List<Integer> domains = new ArrayList<>();
        for (Path f : NerCorpus.files(data, "train")) {
            List<NerCorpus.Sentence> s = NerCorpus.read(f);
            System.out.printf("train %s: %d sentences%n", f.getFileName(), s.size());
            train.addAll(s);
            int d = familyFeatures ? NerFeatures.domain(NerCorpus.family(f)) : 0;
            s.forEach(x -> domains.add(d));
        }
        List<Path> devFiles = NerCorpus.files(data, "dev", "valid");
        Path clusterFile = out.toAbsolutePath().resolveSibling("ner-clusters.tsv.gz");
        WordClusters clusters = WordClusters.empty();
        if (Files.isRegularFile(clusterFile)) {
            try (var in = Files.newInputStream(clusterFile)) {
                clusters = WordClusters.read(in);
            }
        }
        System.out.printf("word clusters: %d words from %s%n", clusters.size(), clusterFile);
        NerKnowledge knowledge = NerKnowledge.build(data.resolve("gazetteer"));
        Path knowledgeFile = out.toAbsolutePath().resolveSibling("ner-knowledge.bin.gz");
        Files.createDirectories(knowledgeFile.getParent());
        try (OutputStream os = Files.newOutputStream(knowledgeFile)) {
            knowledge.write(os);
        }
        System.out.printf("wrote %s (%d bytes)%n", knowledgeFile, Files.size(knowledgeFile));
        Trained trained = train(
                train, domains, new Resources(clusters, knowledge, gaz), bits, epochs, runs, seed, dropout, devFiles);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            trained.model().write(os);
        }
        System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
        Path lex = out.toAbsolutePath().resolveSibling("ner-lexicon.bin.gz");
        try (OutputStream os = Files.newOutputStream(lex)) {
            trained.lexicon().write(os);
        }
        System.out.printf("wrote %s (%d bytes)%n", lex, Files.size(lex));
    }

    /** A trained model and the lexicon of training names its features were computed with. */
    record Trained(NerModel model, NerLexicon lexicon) {}

    /** What the features read besides the sentence: word clusters, listed names, the hand-written gazetteer. */
    record Resources(WordClusters clusters, NerKnowledge knowledge, Gazetteer gazetteer) {
        static Resources none() {
            return new Resources(WordClusters.empty(), NerKnowledge.empty(), Gazetteer.empty());
        }
    }

    static Trained train(
            List<NerCorpus.Sentence> train,
            List<Integer> domains,
            Resources res,
            int bits,
            int epochs,
            int runs,
            long seed,
            double dropout,
            List<Path> devFiles)
            throws IOException {
        List<String[]> cased = new ArrayList<>();
        for (NerCorpus.Sentence s : train) {
            if (NerFeatures.prepare(s.tokens(), Gazetteer.empty(), null).cased) {
                cased.add(s.tokens());
            }
        }
        NerModel model = NerModel.empty(bits, NerFeatures.capTable(cased, CAP_BITS));
        int mask = model.mask();
        NerLexicon lexicon = NerLexicon.build(train);
        // several averaged perceptrons over different shuffles and different jackknife folds, averaged again (a
        // cheap, deterministic ensemble: the runs disagree on which training names their lexicon features saw)
        for (int run = 0; run < runs; run++) {
            List<int[]> feats = jackknifedFeatures(train, domains, res, model.caps, mask, run);
            NerModel one = NerModel.empty(bits, model.caps);
            perceptron(one, train, feats, epochs, seed + run, dropout);
            for (int i = 0; i < model.weights.length; i++) {
                model.weights[i] += one.weights[i] / runs;
            }
            for (int i = 0; i < model.trans.length; i++) {
                model.trans[i] += one.trans[i] / runs;
            }
        }
        for (Path f : devFiles) {
            NerScore general = new NerScore();
            NerScore adapted = new NerScore();

            int d = NerFeatures.domain(NerCorpus.family(f));
            for (NerCorpus.Sentence s : NerCorpus.read(f)) {
                int n = s.tokens().length;
                int[] fs = new int[n * NerFeatures.COUNT];
                NerFeatures.Sentence ps = NerFeatures.prepare(
                        s.tokens(), res.gazetteer(), model.caps, res.clusters(), lexicon, res.knowledge());
                NerFeatures.extract(ps, 0, mask, fs);
                general.add(s.labels(), model.viterbi(model.emissions(fs, n), n));
                NerFeatures.extract(ps, d, mask, fs);
                adapted.add(s.labels(), model.viterbi(model.emissions(fs, n), n));
            }
            System.out.printf(
                    "%-12s model-only F1 general=%.3f family-adapted=%.3f%n",
                    NerCorpus.family(f), general.f1(null), adapted.f1(null));
        }
        return new Trained(model, lexicon);
    }

    /**
     * Features of the training sentences with a jackknifed lexicon: each fold's sentences see only names from the
     * other folds. A sentence's fold is a hash of its text (so a sentence repeated in several families stays in
     * one fold), salted by {@code run} so each run of the ensemble holds out different names.
     */
    private static List<int[]> jackknifedFeatures(
            List<NerCorpus.Sentence> train, List<Integer> domains, Resources res, byte[] caps, int mask, int run) {
        int[] fold = new int[train.size()];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = fold(train.get(i).tokens(), run);
        }
        NerLexicon[] lexicons = new NerLexicon[FOLDS];
        for (int k = 0; k < FOLDS; k++) {
            List<NerCorpus.Sentence> others = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] != k) {
                    others.add(train.get(i));
                }
            }
            lexicons[k] = NerLexicon.build(others);
        }
        List<int[]> feats = new ArrayList<>(train.size());
        for (int i = 0; i < train.size(); i++) {
            NerCorpus.Sentence s = train.get(i);
            int[] f = new int[s.tokens().length * NerFeatures.COUNT];
            NerFeatures.extract(
                    NerFeatures.prepare(
                            s.tokens(), res.gazetteer(), caps, res.clusters(), lexicons[fold[i]], res.knowledge()),
                    domains.get(i),
                    mask,
                    f);
            feats.add(f);
        }
        return feats;
    }

    /** Jackknife fold of a training sentence in ensemble run {@code run}: a hash of its text, salted by the run. */
    static int fold(String[] tokens, int run) {
        return Math.floorMod((String.join(" ", tokens).hashCode() + run * 0x632BE5AB) * 0x9E3779B1, FOLDS);
    }

    /** {@code f} with the word-identity slots of entity tokens set to -1 (unused) with probability {@code p}. */
    static int[] withDropout(int[] f, int[] gold, double p, Random rnd) {
        if (p <= 0) {
            return f;
        }
        int[] out = null;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] != 0 && rnd.nextDouble() < p) {
                if (out == null) {
                    out = f.clone();
                }
                for (int k : NerFeatures.IDENTITY) {
                    out[i * NerFeatures.COUNT + k] = -1;
                }
            }
        }
        return out == null ? f : out;
    }

    /**
     * One averaged perceptron with Viterbi decoding, trained in place into {@code model}. Each time a sentence is
     * seen, each of its entity tokens loses its word-identity features ({@link NerFeatures#IDENTITY}) with
     * probability {@code dropout}, so shape, context and the resources must carry names too.
     */
    private static void perceptron(
            NerModel model, List<NerCorpus.Sentence> train, List<int[]> feats, int epochs, long seed, double dropout) {
        float[] w = model.weights;
        float[] t = model.trans;
        double[] wu = new double[w.length];
        double[] tu = new double[t.length];
        int labels = NerModel.LABELS;
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
                int n = gold.length;
                int[] f = withDropout(feats.get(idx), gold, dropout, rnd);
                int[] pred = model.viterbi(model.emissions(f, n), n);
                boolean wrong = false;
                for (int i = 0; i < n; i++) {
                    int gp = i > 0 ? gold[i - 1] : -1;
                    int pp = i > 0 ? pred[i - 1] : -1;
                    if (gold[i] != pred[i]) {
                        wrong = true;
                        for (int k = 0, fo = i * NerFeatures.COUNT; k < NerFeatures.COUNT; k++) {
                            if (f[fo + k] < 0) {
                                continue;
                            }
                            int base = f[fo + k] * labels;
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
            System.out.printf("epoch %d: %d/%d sentences wrong%n", e + 1, errors, order.length);
        }
        for (int i = 0; i < w.length; i++) {
            w[i] -= (float) (wu[i] / c);
        }
        for (int i = 0; i < t.length; i++) {
            t[i] -= (float) (tu[i] / c);
        }
    }
}
