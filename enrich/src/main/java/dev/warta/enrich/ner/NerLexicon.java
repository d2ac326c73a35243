package dev.warta.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Names the labelled training data annotated, as a feature: for each phrase (lowercased tokens, up to
 * {@link #MAX_LEN}) that was an entity in training, its most frequent type and how often the phrase is an entity
 * where it occurs at all (a bucket of the ratio). Only 64-bit hashes of the phrases are kept (and of their
 * prefixes, so a lookup stops at the first token that starts no known phrase). Built by {@link TrainNer} and
 * shipped as {@link #RESOURCE}; while training, each fold of the training sentences is featurized with a lexicon
 * of the other folds (jackknifing) so the model learns how far to trust a hit on names it has not seen. Immutable.
 */
final class NerLexicon {
    /** Classpath location of the shipped lexicon. */
    static final String RESOURCE = "/dev/warta/enrich/ner/ner-lexicon.bin.gz";

    static final int MAGIC = 0x574C5831; // "WLX1"
    static final int MAX_LEN = 6;
    private static final long EMPTY = 0;
    private static final byte PREFIX = -1;

    private static volatile NerLexicon shared;

    private final long[] keys;
    private final byte[] values;
    private final int mask;
    /**
     * One bit per {@link #FILTER_BITS}-bit slice of the keys of first words (phrases of one token and prefixes):
     * an 8 KB filter that stays in cache, so most tokens, which start no known name, cost no table probe.
     */
    private final long[] firstWords = new long[(1 << FILTER_BITS) >>> 6];

    private static final int FILTER_BITS = 16;

    private NerLexicon(long[] keys, byte[] values) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
        for (long k : keys) {
            if ((k & 1) != 0) {
                int b = filterBit(k);
                firstWords[b >>> 6] |= 1L << b;
            }
        }
    }

    private static int filterBit(long key) {
        return (int) (key >>> 40) & ((1 << FILTER_BITS) - 1);
    }

    static NerLexicon empty() {
        return new NerLexicon(new long[1], new byte[1]);
    }

    /** The shipped lexicon (empty when the resource is missing). */
    static NerLexicon shared() {
        NerLexicon l = shared;
        if (l == null) {
            synchronized (NerLexicon.class) {
                l = shared;
                if (l == null) {
                    l = load();
                    shared = l;
                }
            }
        }
        return l;
    }

    private static NerLexicon load() {
        try (InputStream in = NerLexicon.class.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : read(in);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /** Builds a lexicon from gold sentences. */
    static NerLexicon build(List<NerCorpus.Sentence> sentences) {
        Map<Long, int[]> entity = new HashMap<>();
        for (NerCorpus.Sentence s : sentences) {
            long[] lower = hashes(s.tokens());
            NerLabels.forEachSpan(s.labels(), false, (i, j, type) -> {
                if (j - i <= MAX_LEN) {
                    long h = START;
                    for (int k = i; k < j; k++) {
                        h = step(h, lower[k]);
                    }
                    entity.computeIfAbsent(h, x -> new int[NerLabels.TYPES.size() + 1])[type]++;
                }
            });
        }
        // how often each phrase occurs at all (entity or not)
        Map<Long, Boolean> prefixes = new HashMap<>();
        for (NerCorpus.Sentence s : sentences) {
            long[] lower = hashes(s.tokens());
            for (int i = 0; i < lower.length; i++) {
                long h = START;
                for (int k = i; k < Math.min(lower.length, i + MAX_LEN); k++) {
                    h = step(h, lower[k]);
                    int[] c = entity.get(h);
                    if (c != null) {
                        c[NerLabels.TYPES.size()]++;
                    }
                }
            }
        }
        Map<Long, Byte> table = new HashMap<>();
        for (Map.Entry<Long, int[]> e : entity.entrySet()) {
            int[] c = e.getValue();
            int best = 0;
            int sum = 0;
            for (int t = 0; t < NerLabels.TYPES.size(); t++) {
                sum += c[t];
                if (c[t] > c[best]) {
                    best = t;
                }
            }
            double ratio = sum / (double) Math.max(sum, c[NerLabels.TYPES.size()]);
            if (ratio < 0.1) {
                continue;
            }
            int bucket = ratio >= 0.9 ? 3 : ratio >= 0.6 ? 2 : ratio >= 0.3 ? 1 : 0;
            int pure = c[best] * 10 >= sum * 9 ? 1 : 0;
            table.put(e.getKey(), (byte) (1 + best * 8 + bucket * 2 + pure));
        }
        // prefixes of kept phrases: re-walk the entity spans
        for (NerCorpus.Sentence s : sentences) {
            long[] lower = hashes(s.tokens());
            NerLabels.forEachSpan(s.labels(), false, (i, j, type) -> {
                if (j - i <= MAX_LEN) {
                    long h = START;
                    for (int k = i; k < j - 1; k++) {
                        h = step(h, lower[k]);
                        prefixes.put(h, Boolean.TRUE);
                    }
                }
            });
        }
        for (Long p : prefixes.keySet()) {
            table.putIfAbsent(p, PREFIX);
        }
        int size = Integer.highestOneBit(Math.max(16, table.size() * 2)) << 1;
        long[] keys = new long[size];
        byte[] values = new byte[size];
        NerLexicon lex = new NerLexicon(keys, values);
        table.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> lex.put(e.getKey(), e.getValue()));
        return lex;
    }

    /**
     * A table of listed phrases (lowercased tokens, at most {@link #MAX_LEN}) with a value in 1..127 each, marked
     * like a training lexicon by {@link #mark}.
     */
    static NerLexicon ofPhrases(Map<List<String>, Integer> phrases) {
        Map<Long, Byte> table = new HashMap<>();
        Map<Long, Boolean> prefixes = new HashMap<>();
        for (Map.Entry<List<String>, Integer> e : phrases.entrySet()) {
            List<String> toks = e.getKey();
            int v = e.getValue();
            if (toks.isEmpty() || toks.size() > MAX_LEN || v < 1 || v > 127) {
                throw new IllegalArgumentException("phrase of 1.." + MAX_LEN + " tokens, value 1..127: " + e);
            }
            long h = START;
            for (int k = 0; k < toks.size(); k++) {
                h = step(h, NerFeatures.wordHash(toks.get(k)));
                if (k < toks.size() - 1) {
                    prefixes.put(h, Boolean.TRUE);
                }
            }
            table.merge(h, (byte) v, (a, b) -> (byte) (a | b));
        }
        for (Long p : prefixes.keySet()) {
            table.putIfAbsent(p, PREFIX);
        }
        int size = Integer.highestOneBit(Math.max(16, table.size() * 2)) << 1;
        NerLexicon lex = new NerLexicon(new long[size], new byte[size]);
        table.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(x -> lex.put(x.getKey(), x.getValue()));
        return lex;
    }

    private void put(long key, byte value) {
        long k = key == EMPTY ? 1 : key;
        int i = (int) (k ^ (k >>> 29)) & mask;
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = value;
        if ((k & 1) != 0) {
            int b = filterBit(k);
            firstWords[b >>> 6] |= 1L << b;
        }
    }

    /** Value of a key: 0 absent, {@link #PREFIX} only a prefix, else {@code 1 + type * 8 + ratio * 2 + pure}. */
    private byte get(long key) {
        long k = key == EMPTY ? 1 : key;
        int i = (int) (k ^ (k >>> 29)) & mask;
        while (true) {
            long at = keys[i];
            if (at == k) {
                return values[i];
            }
            if (at == EMPTY) {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Marks {@code out[i]} for every token in a longest-first, left-to-right match: 0 none, else
     * {@code value * 4 + position} (position 0 single, 1 begin, 2 inside, 3 end).
     */
    void mark(long[] lower, int[] out) {
        mark(lower, lower.length, out);
    }

    /** {@link #mark(long[], int[])} over the first {@code n} hashes. */
    void mark(long[] lower, int n, int[] out) {
        int i = 0;
        while (i < n) {
            long first = step(START, lower[i]);
            int bit = filterBit(first);
            if ((firstWords[bit >>> 6] & (1L << bit)) == 0) {
                out[i] = 0;
                i++;
                continue;
            }
            long h = START;
            int bestEnd = -1;
            int bestValue = 0;
            for (int k = i; k < Math.min(n, i + MAX_LEN); k++) {
                h = step(h, lower[k]);
                byte v = get(h);
                if (v == 0) {
                    break;
                }
                if (v != PREFIX) {
                    bestEnd = k + 1;
                    bestValue = v;
                }
            }
            if (bestEnd < 0) {
                out[i] = 0;
                i++;
                continue;
            }
            for (int k = i; k < bestEnd; k++) {
                int pos = bestEnd - i == 1 ? 0 : k == i ? 1 : k == bestEnd - 1 ? 3 : 2;
                out[k] = bestValue * 4 + pos;
            }
            i = bestEnd;
        }
    }

    private static final long START = 0x9E3779B97F4A7C15L;

    /**
     * The phrase hash {@code h} extended by one word ({@link NerFeatures#wordHash} of its lowercase form). The
     * hash of a first word (from {@link #START}) is odd, of a longer phrase even, so the first-word filter can be
     * rebuilt from the keys.
     */
    private static long step(long h, long word) {
        long x = (h ^ word) * 0xBF58476D1CE4E5B9L;
        x ^= x >>> 31;
        x *= 0x94D049BB133111EBL;
        x ^= x >>> 29;
        return h == START ? x | 1 : x & ~1L;
    }

    private static long[] hashes(String[] tokens) {
        long[] out = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = NerFeatures.wordHash(tokens[i].toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    void write(OutputStream os) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            writeTable(out);
        }
    }

    /** Writes the table (size, then key and value per slot) into a stream that holds more. */
    void writeTable(DataOutputStream out) throws IOException {
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeByte(values[i]);
        }
    }

    static NerLexicon read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a warta NER lexicon");
            }
            return readTable(in);
        }
    }

    /** Reads a table written by {@link #writeTable}. */
    static NerLexicon readTable(DataInputStream in) throws IOException {
        int size = in.readInt();
        if (size <= 0 || Integer.bitCount(size) != 1 || size > (1 << 24)) {
            throw new IOException("bad lexicon size " + size);
        }
        long[] keys = new long[size];
        byte[] values = new byte[size];
        for (int i = 0; i < size; i++) {
            keys[i] = in.readLong();
            values[i] = in.readByte();
        }
        return new NerLexicon(keys, values);
    }
}
