package dev.warta.enrich.ner;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Distributional word clusters for the tagger's features: lowercased words that occur in similar contexts
 * (left and right neighbours) share a cluster id, so a name or place never seen in the labelled data still looks
 * like the ones that were ("tanjungbalai" like "cianjur"). Two granularities, coarse and fine, from spherical
 * k-means over square-root neighbour distributions (Hellinger) of the words in {@link NerText}'s unlabelled text.
 * Immutable; {@link #shared()} loads the shipped table once.
 *
 * <p>Build the shipped table from the repository root (deterministic, about a minute):
 * <pre>{@code
 * WARTA_JAVA_OPTS=-Xmx3g ./warta train ner [--data DIR]
 * }</pre>
 */
public final class WordClusters {
    /** Classpath location of the shipped table. */
    static final String RESOURCE = "/dev/warta/enrich/ner/ner-clusters.tsv.gz";
    /** Cluster id of a word not in the table. */
    static final int UNKNOWN = -1;

    static final int MIN_COUNT = 3;
    static final int CONTEXTS = 3000;
    /** Coarse clusters (at most 64: 6 bits in the packed table). */
    static final int COARSE = 64;
    /** Fine clusters (at most 512: 9 bits in the packed table). */
    static final int FINE = 512;

    private static final int ITERATIONS = 20;

    private static volatile WordClusters shared;

    /**
     * Open addressing by {@link NerFeatures#wordHash}: the slot from its low bits, a 32-bit fingerprint from its
     * high bits as key (0 = empty slot), and the ids packed in 16 bits ({@code coarse << 9 | fine}): 6 bytes a
     * slot, so the table stays small in cache.
     */
    private final int[] keys;

    private final short[] values;
    private final int mask;
    private final int size;

    private WordClusters(Map<String, Integer> ids) {
        int slots = Integer.highestOneBit(Math.max(8, ids.size() * 2)) << 1;
        this.keys = new int[slots];
        this.values = new short[slots];
        this.mask = slots - 1;
        this.size = ids.size();
        ids.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long h = NerFeatures.wordHash(e.getKey());
            int k = key(h);
            int i = (int) h & mask;
            while (keys[i] != 0 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            int v = e.getValue();
            values[i] = (short) ((v >>> 16) << 9 | (v & 0x1FF));
        });
    }

    private static int key(long hash) {
        int k = (int) (hash >>> 32);
        return k == 0 ? 1 : k;
    }

    /** A table that knows no word. */
    static WordClusters empty() {
        return new WordClusters(Map.of());
    }

    /** The shipped table (empty when the resource is missing). */
    static WordClusters shared() {
        WordClusters c = shared;
        if (c == null) {
            synchronized (WordClusters.class) {
                c = shared;
                if (c == null) {
                    c = load();
                    shared = c;
                }
            }
        }
        return c;
    }

    private static WordClusters load() {
        try (InputStream in = WordClusters.class.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : read(in);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** Packed ids of a lowercased word: {@code coarse << 16 | fine}, or {@link #UNKNOWN}. */
    int of(String lower) {
        return of(NerFeatures.wordHash(lower));
    }

    /** Packed ids of a lowercased word by its {@link NerFeatures#wordHash}, or {@link #UNKNOWN}. */
    int of(long wordHash) {
        int k = key(wordHash);
        int i = (int) wordHash & mask;
        while (true) {
            int at = keys[i];
            if (at == k) {
                int v = values[i];
                return (v >>> 9 & 0x3F) << 16 | (v & 0x1FF);
            }
            if (at == 0) {
                return UNKNOWN;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    static WordClusters read(InputStream is) throws IOException {
        Map<String, Integer> ids = new HashMap<>();
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(is), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int a = line.indexOf('\t');
                int b = line.indexOf('\t', a + 1);
                if (a <= 0 || b < 0) {
                    continue;
                }
                int coarse = Integer.parseInt(line.substring(a + 1, b));
                int fine = Integer.parseInt(line.substring(b + 1));
                if (coarse < 0 || coarse >= 64 || fine < 0 || fine >= 512) {
                    continue; // the packed table has 6 + 9 bits
                }
                ids.put(line.substring(0, a), coarse << 16 | fine);
            }
        }
        return new WordClusters(ids);
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        Path out = Path.of(args.length > 1 ? args[1] : "enrich/src/main/resources" + RESOURCE);
        build(data, out);
    }

    static void build(Path data, Path out) throws IOException {
        Map<String, Integer> count = new HashMap<>();
        List<String[]> sentences = new ArrayList<>();
        NerText.forEachSentence(data, s -> {
            String[] lower = new String[s.length];
            for (int i = 0; i < s.length; i++) {
                lower[i] = s[i].toLowerCase(Locale.ROOT);
                count.merge(lower[i], 1, Integer::sum);
            }
            sentences.add(lower);
        });
        // vocabulary: words seen MIN_COUNT times, most frequent first (ties by spelling: deterministic)
        List<String> vocab = count.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_COUNT)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            index.put(vocab.get(i), i);
        }
        int ctx = Math.min(CONTEXTS, vocab.size());
        int dims = 2 * ctx + 2;
        // neighbour counts: left context d in [0, ctx], right context ctx + 1 + d; ctx = "other word / boundary"
        List<Map<Integer, Integer>> rows = new ArrayList<>(vocab.size());
        for (int i = 0; i < vocab.size(); i++) {
            rows.add(new HashMap<>());
        }
        for (String[] s : sentences) {
            for (int i = 0; i < s.length; i++) {
                Integer w = index.get(s[i]);
                if (w == null) {
                    continue;
                }
                Integer l = i > 0 ? index.get(s[i - 1]) : null;
                Integer r = i + 1 < s.length ? index.get(s[i + 1]) : null;
                int ld = l != null && l < ctx ? l : ctx;
                int rd = r != null && r < ctx ? ctx + 1 + r : 2 * ctx + 1;
                rows.get(w).merge(ld, 1, Integer::sum);
                rows.get(w).merge(rd, 1, Integer::sum);
            }
        }
        int[][] cols = new int[vocab.size()][];
        float[][] vals = new float[vocab.size()][];
        for (int w = 0; w < vocab.size(); w++) {
            Map<Integer, Integer> row = rows.get(w);
            int[] c = row.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] v = new float[c.length];
            double total = 0;
            for (int k = 0; k < c.length; k++) {
                total += row.get(c[k]);
            }
            for (int k = 0; k < c.length; k++) {
                v[k] = (float) Math.sqrt(row.get(c[k]) / total);
            }
            cols[w] = c;
            vals[w] = v;
        }
        System.out.printf(
                "clusters: %d sentences, %d words (count >= %d), %d context dims%n",
                sentences.size(), vocab.size(), MIN_COUNT, dims);
        int[] coarse = kmeans(cols, vals, dims, COARSE, 11);
        int[] fine = kmeans(cols, vals, dims, FINE, 13);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out);
                BufferedWriter w =
                        new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(os), StandardCharsets.UTF_8))) {
            for (int i = 0; i < vocab.size(); i++) {
                String word = vocab.get(i);
                if (word.indexOf('\t') >= 0 || word.indexOf('\n') >= 0) {
                    continue;
                }
                w.write(word + "\t" + coarse[i] + "\t" + fine[i] + "\n");
            }
        }
        System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
    }

    /** Spherical k-means (rows are unit vectors), initialised with a fixed-seed sample of the words. */
    private static int[] kmeans(int[][] cols, float[][] vals, int dims, int k, long seed) {
        int n = cols.length;
        k = Math.min(k, n);
        float[][] centroids = new float[k][dims];
        Random rnd = new Random(seed);
        // initial centroids: distinct words drawn from the more frequent half (frequent words have stable contexts)
        int pool = Math.max(k, n / 2);
        int[] perm = new int[pool];
        for (int i = 0; i < pool; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(pool - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            int w = perm[i];
            for (int c = 0; c < cols[w].length; c++) {
                centroids[i][cols[w][c]] = vals[w][c];
            }
        }
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        for (int it = 0; it < ITERATIONS; it++) {
            int moved = 0;
            for (int w = 0; w < n; w++) {
                int best = 0;
                float bestDot = Float.NEGATIVE_INFINITY;
                int[] cw = cols[w];
                float[] vw = vals[w];
                for (int c = 0; c < k; c++) {
                    float[] cent = centroids[c];
                    float dot = 0;
                    for (int j = 0; j < cw.length; j++) {
                        dot += cent[cw[j]] * vw[j];
                    }
                    if (dot > bestDot) {
                        bestDot = dot;
                        best = c;
                    }
                }
                if (assign[w] != best) {
                    moved++;
                    assign[w] = best;
                }
            }
            for (float[] cent : centroids) {
                Arrays.fill(cent, 0);
            }
            for (int w = 0; w < n; w++) {
                float[] cent = centroids[assign[w]];
                for (int j = 0; j < cols[w].length; j++) {
                    cent[cols[w][j]] += vals[w][j];
                }
            }
            for (float[] cent : centroids) {
                double norm = 0;
                for (float v : cent) {
                    norm += v * v;
                }
                if (norm > 0) {
                    float inv = (float) (1 / Math.sqrt(norm));
                    for (int d = 0; d < dims; d++) {
                        cent[d] *= inv;
                    }
                }
            }
            System.out.printf("k-means k=%d iteration %d: %d words moved%n", k, it + 1, moved);
            if (moved == 0) {
                break;
            }
        }
        return assign;
    }
}
