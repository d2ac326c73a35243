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
 * Trains the shipped language model ({@code dev/warta/enrich/lang/model.bin.gz}): counts hashed character
 * n-grams and words per language over the training part of each data set (see {@link LangData#heldOut}):
 * <ul>
 *   <li>{@code sentences/}, {@code word-pairs/}, {@code single-words/} {@code <iso>.txt} (not {@code ms.txt}),</li>
 *   <li>{@code malay/ms-sentences.txt} and {@code malay/majoriti-articles.jsonl} for Malay,</li>
 *   <li>{@code nusax/train.csv} and {@code nusax/valid.csv} (Indonesian, English, Javanese, Sundanese and 8 more),</li>
 *   <li>{@code ../news/detik-dev.csv} article bodies for Indonesian.</li>
 * </ul>
 * Deterministic: no randomness, languages and inputs in a fixed order, so the same data gives the same bytes.
 *
 * <p>Run from the repository root:
 * <pre>{@code
 * mvn -B -q -o -pl enrich -am compile
 * java -cp enrich/target/classes:schemas/target/classes:$(cat /tmp/cp-enrich.txt) \
 *     dev.warta.enrich.lang.TrainLanguageModel ../shared/data/lang \
 *     enrich/src/main/resources/dev/warta/enrich/lang/model.bin.gz
 * }</pre>
 * ({@code /tmp/cp-enrich.txt} from {@code mvn -q -o -pl enrich dependency:build-classpath -Dmdep.outputFile=/tmp/cp-enrich.txt}).
 */
public final class TrainLanguageModel {

    /** log2 of the number of hash buckets. */
    static final int BITS = 18;
    /** Additive smoothing. */
    static final float ALPHA = 0.3f;
    /** At most this many chars of training text per language, so the big Malay / Indonesian sets do not dominate. */
    static final int CAP = 600_000;

    private TrainLanguageModel() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/lang");
        Path out = Path.of(args.length > 1 ? args[1] : "enrich/src/main/resources/dev/warta/enrich/lang/model.bin.gz");
        int cap = args.length > 2 ? Integer.parseInt(args[2]) : CAP;
        float alpha = args.length > 3 ? Float.parseFloat(args[3]) : ALPHA;
        Map<String, List<String>> corpus = corpus(data);
        List<String> languages = new ArrayList<>(corpus.keySet());
        int[][] counts = new int[languages.size()][1 << BITS];
        for (int l = 0; l < languages.size(); l++) {
            int[] c = counts[l];
            long chars = 0;
            int texts = 0;
            for (String text : corpus.get(languages.get(l))) {
                if (chars >= cap) {
                    break;
                }
                Features.extract(text, 0, text.length(), BITS, b -> c[b]++);
                chars += text.length();
                texts++;
            }
            System.out.printf("%-4s %6d texts %8d chars%n", languages.get(l), texts, chars);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(out))) {
            NgramModel.write(os, languages, BITS, alpha, counts);
        }
        System.out.printf("wrote %s (%d bytes, %d languages)%n", out, Files.size(out), languages.size());
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
