package dev.warta.enrich.lang;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the shipped language model ({@code dev/warta/enrich/lang/model.bin.gz}): naive Bayes counts of hashed
 * character n-grams and words start the weights, then softmax logistic regression (SGD over sentence-sized units)
 * sharpens them; weights are quantized to one byte. Trains on the part of each data set that the benchmark does
 * not report on (see {@link LangData#heldOut}):
 * <ul>
 *   <li>{@code sentences/}, {@code word-pairs/}, {@code single-words/} {@code <iso>.txt} (not {@code ms.txt}),</li>
 *   <li>{@code malay/ms-sentences.txt} and {@code malay/majoriti-articles.jsonl} for Malay,</li>
 *   <li>{@code nusax/train.csv} and {@code nusax/valid.csv} (Indonesian, English, Javanese, Sundanese and 8 more),</li>
 *   <li>{@code ../news/detik-dev.csv} article bodies for Indonesian,</li>
 *   <li>self-training: lines of {@code sentences/ms.txt} (mostly mislabelled Indonesian) that the first model and
 *   {@link MalayIndonesian} find clearly Indonesian join Indonesian; Malay is never trained on that file.</li>
 * </ul>
 * It first trains the Malay/Indonesian model ({@link TrainMalayIndonesian}, written beside the n-gram model as
 * {@code ms-id.bin.gz}) and ends by printing the dev figures per length bucket ({@link DevFigures}).
 * Deterministic: fixed SGD seed, languages and inputs in a fixed order, so the same data gives the same bytes.
 *
 * <p>Run from the repository root ({@code --data} defaults to {@code ../shared/data}):
 * <pre>{@code
 * ./warta train lang [--data DIR]
 * }</pre>
 * (about 30 s, 1 GB heap). Without arguments it uses these two paths.
 */
public final class TrainLanguageModel {

    /** log2 of the number of hash buckets. */
    static final int BITS = 18;
    /** Additive smoothing. */
    static final float ALPHA = 0.3f;
    /** At most this many chars of training text per language, so the big Malay / Indonesian sets do not dominate. */
    static final int CAP = 600_000;
    /**
     * Self-training: a line of {@code sentences/ms.txt} counts as Indonesian when the first model puts it in
     * {id, ms} and it has net Indonesian word evidence, or no Malay word evidence and this margin (nats) for id.
     */
    static final float SELF_TRAINING_MARGIN = 5f;

    private TrainLanguageModel() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/lang");
        Path out = Path.of(args.length > 1 ? args[1] : "enrich/src/main/resources/dev/warta/enrich/lang/model.bin.gz");
        Settings settings = Settings.DEFAULT;
        if (args.length > 2) { // tuning: cap alpha prior epochs rate
            settings = new Settings(
                    Integer.parseInt(args[2]),
                    Float.parseFloat(args[3]),
                    Float.parseFloat(args[4]),
                    Integer.parseInt(args[5]),
                    Float.parseFloat(args[6]));
        }
        Path msIdOut = out.resolveSibling("ms-id.bin.gz");
        MalayIndonesian msId = TrainMalayIndonesian.train(TrainMalayIndonesian.sources(data));
        Map<String, List<String>> corpus = corpus(data);
        NgramModel model = train(corpus, settings);
        // self-training: sentences/ms.txt is mostly Indonesian web text mislabelled as Malay, the register the
        // Leipzig Indonesian set is in; lines that are clearly Indonesian (see SELF_TRAINING_MARGIN) join Indonesian
        Path msTxt = data.resolve("sentences/ms.txt");
        if (Files.exists(msTxt)) {
            List<String> extra = selfTraining(model, msId, train(LangData.lines(msTxt)));
            System.out.printf("self-training: %d lines of sentences/ms.txt added to id%n", extra.size());
            corpus.put("id", interleave(List.of(extra, corpus.get("id"))));
            model = train(corpus, settings);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
            model.write(os);
        }
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(msIdOut))) {
            msId.write(os);
        }
        System.out.printf(
                "wrote %s (%d bytes, %d languages, scale %.4f) and %s (%d bytes)%n",
                out, Files.size(out), model.size(), model.scale(), msIdOut, Files.size(msIdOut));
        DevFigures.print(new LanguageDetector(model, msId), data, System.out);
    }

    /**
     * Lines the first model puts in {id, ms} and the Malay/Indonesian model finds Indonesian: net Indonesian
     * evidence, or none for Malay and {@link #SELF_TRAINING_MARGIN} for id in the n-gram model.
     */
    private static List<String> selfTraining(NgramModel model, MalayIndonesian msId, List<String> lines) {
        int id = model.indexOf("id");
        int ms = model.indexOf("ms");
        List<String> extra = new ArrayList<>();
        for (String line : lines) {
            float[] sc = new float[model.size()];
            model.score(line, 0, line.length(), sc);
            int best = 0;
            for (int l = 1; l < sc.length; l++) {
                if (sc[l] > sc[best]) {
                    best = l;
                }
            }
            float w = msId.logOdds(line, 0, line.length());
            boolean indonesian = (best == id || best == ms)
                    && (w <= -1f || w <= 0f && best == id && sc[id] - sc[ms] >= SELF_TRAINING_MARGIN);
            if (indonesian) {
                extra.add(line);
            }
        }
        return extra;
    }

    /**
     * Training settings.
     *
     * @param cap    chars of training text per language
     * @param alpha  additive smoothing of the naive Bayes start
     * @param prior  factor on the naive Bayes log-probabilities that start the weights
     * @param epochs passes of logistic-regression SGD over the training units
     * @param rate   SGD step per feature occurrence
     */
    record Settings(int cap, float alpha, float prior, int epochs, float rate) {
        static final Settings DEFAULT = new Settings(CAP, ALPHA, 0.3f, 4, 0.01f);
    }

    /** Largest absolute weight; also fixes the byte quantization step. */
    static final float CLIP = 16f;

    /**
     * Naive Bayes log-probabilities (centered per feature) as the start, then softmax logistic regression by SGD over
     * sentence-sized units, which learns what tells close languages apart (Indonesian / Malay / regional languages).
     */
    static NgramModel train(Map<String, List<String>> corpus, Settings s) {
        List<String> languages = new ArrayList<>(corpus.keySet());
        int n = languages.size();
        int buckets = 1 << BITS;
        int[][] counts = new int[n][buckets];
        List<int[]> units = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        IntList buffer = new IntList();
        for (int l = 0; l < n; l++) {
            int[] c = counts[l];
            long chars = 0;
            int texts = 0;
            for (String text : corpus.get(languages.get(l))) {
                if (chars >= s.cap()) {
                    break;
                }
                Features.extract(text, 0, text.length(), BITS, b -> c[b]++);
                chars += text.length();
                texts++;
                for (String unit : units(text)) {
                    buffer.clear();
                    Features.extract(unit, 0, unit.length(), BITS, buffer);
                    if (buffer.size > 0) {
                        units.add(buffer.toArray());
                        labels.add(l);
                    }
                }
            }
            System.out.printf("%-4s %6d texts %8d chars%n", languages.get(l), texts, chars);
        }
        float[] w = new float[buckets * n];
        for (int l = 0; l < n; l++) {
            long total = 0;
            for (int v : counts[l]) {
                total += v;
            }
            double denom = Math.log(total + (double) s.alpha() * buckets);
            for (int b = 0; b < buckets; b++) {
                w[b * n + l] = (float) (Math.log(counts[l][b] + s.alpha()) - denom);
            }
        }
        for (int b = 0; b < buckets; b++) {
            float mean = 0;
            for (int l = 0; l < n; l++) {
                mean += w[b * n + l];
            }
            mean /= n;
            for (int l = 0; l < n; l++) {
                w[b * n + l] = clip((w[b * n + l] - mean) * s.prior());
            }
        }
        sgd(w, n, units, labels, s);
        return NgramModel.quantize(languages, BITS, w, CLIP);
    }

    private static void sgd(float[] w, int n, List<int[]> units, List<Integer> labels, Settings s) {
        int[] order = new int[units.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Random random = new java.util.Random(42);
        double[] z = new double[n];
        float[] g = new float[n];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int wrong = 0;
            double loss = 0;
            for (int u : order) {
                int[] f = units.get(u);
                int y = labels.get(u);
                java.util.Arrays.fill(z, 0);
                for (int b : f) {
                    int base = b * n;
                    for (int l = 0; l < n; l++) {
                        z[l] += w[base + l];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int l = 0; l < n; l++) {
                    if (z[l] > max) {
                        max = z[l];
                        arg = l;
                    }
                }
                if (arg != y) {
                    wrong++;
                }
                double sum = 0;
                for (int l = 0; l < n; l++) {
                    z[l] = Math.exp(z[l] - max);
                    sum += z[l];
                }
                loss -= Math.log(Math.max(1e-12, z[y] / sum));
                boolean any = false;
                for (int l = 0; l < n; l++) {
                    double p = z[l] / sum;
                    g[l] = (float) (s.rate() * ((l == y ? 1 : 0) - p));
                    any |= Math.abs(g[l]) > 1e-6f;
                }
                if (!any) {
                    continue;
                }
                for (int b : f) {
                    int base = b * n;
                    for (int l = 0; l < n; l++) {
                        w[base + l] = clip(w[base + l] + g[l]);
                    }
                }
            }
            System.out.printf(
                    "epoch %d: %d/%d training units wrong, mean loss %.4f%n",
                    epoch + 1, wrong, order.length, loss / order.length);
        }
    }

    private static float clip(float v) {
        return Math.max(-CLIP, Math.min(CLIP, v));
    }

    /** Sentence-sized pieces of a text (lines, then sentence ends), as the detector mostly sees. */
    static List<String> units(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\n")) {
            int start = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if ((c == '.' || c == '!' || c == '?')
                        && i + 1 < line.length()
                        && line.charAt(i + 1) == ' '
                        && i - start >= 40) {
                    out.add(line.substring(start, i + 1).strip());
                    start = i + 2;
                }
            }
            if (start < line.length() && !line.substring(start).isBlank()) {
                out.add(line.substring(start).strip());
            }
        }
        return out;
    }

    /** Growable int buffer used as a feature sink. */
    private static final class IntList implements Features.Sink {
        int[] data = new int[1024];
        int size;

        @Override
        public void accept(int bucket) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = bucket;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }

    /** Training texts per language (sorted by code), interleaving sources so a cap keeps a mix of them. */
    static Map<String, List<String>> corpus(Path data) throws IOException {
        Map<String, List<List<String>>> sources = new TreeMap<>();
        for (String iso : LangData.LEIPZIG) {
            for (String set : List.of("sentences", "word-pairs", "single-words")) {
                Path f = data.resolve(set).resolve(iso + ".txt");
                if (Files.exists(f)) {
                    add(sources, iso, train(LangData.lines(f)));
                }
            }
        }
        for (String split : List.of("train.csv", "valid.csv")) {
            Path f = data.resolve("nusax").resolve(split);
            if (Files.exists(f)) {
                for (Map.Entry<String, List<String>> e : LangData.nusax(f).entrySet()) {
                    add(sources, e.getKey(), e.getValue());
                }
            }
        }
        Path malay = data.resolve("malay");
        if (Files.exists(malay.resolve("ms-sentences.txt"))) {
            add(sources, "ms", train(LangData.lines(malay.resolve("ms-sentences.txt"))));
        }
        if (Files.exists(malay.resolve("majoriti-articles.jsonl"))) {
            add(sources, "ms", train(LangData.jsonlTexts(malay.resolve("majoriti-articles.jsonl"))));
        }
        Path detik = data.resolve("../news/detik-dev.csv");
        if (Files.exists(detik)) {
            add(sources, "id", train(LangData.detikBodies(detik)));
        }
        Map<String, List<String>> corpus = new TreeMap<>();
        for (Map.Entry<String, List<List<String>>> e : sources.entrySet()) {
            corpus.put(e.getKey(), interleave(e.getValue()));
        }
        return corpus;
    }

    private static List<String> train(List<String> items) {
        List<String> out = new ArrayList<>();
        for (String s : items) {
            if (!LangData.heldOut(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static void add(Map<String, List<List<String>>> sources, String code, List<String> texts) {
        sources.computeIfAbsent(code, k -> new ArrayList<>()).add(texts);
    }

    private static List<String> interleave(List<List<String>> lists) {
        List<String> out = new ArrayList<>();
        int max = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < max; i++) {
            for (List<String> l : lists) {
                if (i < l.size()) {
                    out.add(l.get(i));
                }
            }
        }
        return out;
    }
}
