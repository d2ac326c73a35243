package dev.warta.enrich.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Guesses which training corpus family a batch of tokenized sentences resembles most (its annotation
 * convention: whether a country acting in the news is a LOCATION, whether a ministry's country is part of the
 * ORGANIZATION, ...), with a multinomial naive Bayes over hashed token and token-bigram features. Used by
 * {@code warta ner} to tag a CoNLL file with the closest family's habits ({@link NerFeatures} domain copies);
 * {@link EntityTagger#tag} on articles keeps the general model. Immutable and thread-safe.
 *
 * <p>Trained on the same {@code *-train.*} files as the model (by {@link TrainNer}, or alone) and shipped as
 * {@link #RESOURCE}; the command also prints how often the family of each dev file, and of chunks of 25 dev
 * sentences, is guessed right:
 * <pre>{@code
 * WARTA_JAVA_OPTS=-Xmx3g ./warta train ner [--data DIR]
 * }</pre>
 */
public final class ConventionDetector {
    /** Classpath location of the shipped profile. */
    public static final String RESOURCE = "/dev/warta/enrich/ner/conventions.bin.gz";
    static final int MAGIC = 0x57434F31; // "WCO1"
    static final int BITS = 16;
    /** Minimum number of tokens before a guess is made; below, {@link #detect} returns null. */
    static final int MIN_TOKENS = 40;

    private final List<String> families;
    /** {@code logp[f][bucket]}: smoothed log-probability of a feature bucket in family f. */
    private final float[][] logp;
    /** {@code style[f][k * 2 + present]}: log-probability that a sentence of family f has style mark k or not. */
    private final float[][] style;

    private ConventionDetector(List<String> families, float[][] logp, float[][] style) {
        this.families = List.copyOf(families);
        this.logp = logp;
        this.style = style;
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/ner");
        Path out = Path.of(args.length > 1 ? args[1] : "enrich/src/main/resources" + RESOURCE);
        build(data, out);
    }

    /** Trains on the train files of {@code data}, writes the profile to {@code out}, prints dev accuracy. */
    static ConventionDetector build(Path data, Path out) throws IOException {
        List<String> families = new ArrayList<>();
        List<List<String[]>> byFamily = new ArrayList<>();
        for (Path f : NerCorpus.files(data, "train")) {
            families.add(NerCorpus.family(f));
            byFamily.add(NerCorpus.read(f).stream().map(NerCorpus.Sentence::tokens).toList());
        }
        // the same news sentences appear in several families (re-annotations): they tell the families apart by
        // nothing but memory, so they are left out
        java.util.Map<String, Integer> owners = new java.util.HashMap<>();
        for (int f = 0; f < byFamily.size(); f++) {
            for (String key : byFamily.get(f).stream().map(t -> String.join(" ", t)).distinct().toList()) {
                owners.merge(key, 1, Integer::sum);
            }
        }
        List<List<String[]>> distinct = new ArrayList<>();
        for (List<String[]> s : byFamily) {
            distinct.add(s.stream().filter(t -> owners.get(String.join(" ", t)) == 1).toList());
        }
        ConventionDetector d = train(families, distinct);
        for (Path f : NerCorpus.files(data, "dev", "valid")) {
            List<List<String>> all = NerCorpus.read(f).stream().map(s -> List.of(s.tokens())).toList();
            int right = 0;
            int chunks = 0;
            for (int i = 0; i + 25 <= all.size(); i += 25, chunks++) {
                if (NerCorpus.family(f).equals(d.detect(all.subList(i, i + 25)))) {
                    right++;
                }
            }
            System.out.printf(Locale.ROOT, "%-12s whole file -> %s; chunks of 25 sentences right %d/%d%n",
                    NerCorpus.family(f), d.detect(all), right, chunks);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            d.write(os);
        }
        System.out.printf("wrote %s (%d bytes)%n", out, Files.size(out));
        return d;
    }

    /** Families known to the detector, in profile order. */
    public List<String> families() {
        return families;
    }

    /** A detector that knows no family (always answers null). */
    static ConventionDetector empty() {
        return new ConventionDetector(List.of(), new float[0][], new float[0][]);
    }

    /** Loads the shipped profile; an empty detector when the resource is missing or unreadable. */
    static ConventionDetector load() {
        try (InputStream in = ConventionDetector.class.getResourceAsStream(RESOURCE)) {
            return in == null ? empty() : read(in);
        } catch (IOException | RuntimeException e) {
            return empty();
        }
    }

    /**
     * Closest family of the sentences, or null when there are too few tokens to tell or no profile is loaded.
     * Null sentences or tokens are skipped.
     */
    public String detect(List<List<String>> sentences) {
        if (families.isEmpty() || sentences == null) {
            return null;
        }
        double[] score = new double[families.size()];
        int[] buckets = new int[2];
        long tokens = 0;
        for (List<String> s : sentences) {
            if (s == null) {
                continue;
            }
            for (int b : styleFeatures(s.toArray(new String[0]))) {
                for (int f = 0; f < score.length; f++) {
                    score[f] += style[f][b];
                }
            }
            int prev = 0x1B873593;
            for (String t : s) {
                if (t == null) {
                    continue;
                }
                int w = hash(t);
                int lw = hash(t.toLowerCase(Locale.ROOT));
                buckets[0] = bucket(w, 1);
                buckets[1] = bucket(NerFeatures.mix(prev, lw), 2);
                prev = lw;
                for (int b : buckets) {
                    for (int f = 0; f < score.length; f++) {
                        score[f] += WORD_WEIGHT * logp[f][b];
                    }
                }
                tokens++;
            }
        }
        if (tokens < MIN_TOKENS) {
            return null;
        }
        int best = 0;
        for (int f = 1; f < score.length; f++) {
            if (score[f] > score[best]) {
                best = f;
            }
        }
        return families.get(best);
    }

    /** Feature buckets of one sentence (what {@link #detect} scores), for training. */
    static int[] features(String[] tokens) {
        int[] out = new int[tokens.length * 2];
        int prev = 0x1B873593;
        for (int i = 0; i < tokens.length; i++) {
            int lw = hash(tokens[i].toLowerCase(Locale.ROOT));
            out[2 * i] = bucket(hash(tokens[i]), 1);
            out[2 * i + 1] = bucket(NerFeatures.mix(prev, lw), 2);
            prev = lw;
        }
        return out;
    }

    private static final String[] STYLE = {"\"", "(", "-", "'", "\u201C", ":"};
    /**
     * Weight of word evidence against punctuation-style evidence: the families share much of their news text, so
     * words mostly recall which family annotated a sentence seen in training, not how unseen text is written.
     */
    private static final int STYLES = STYLE.length + 2;
    static final double WORD_WEIGHT = 0.02;

    /**
     * Once per sentence, whether it has a token among {@link #STYLE} (present or absent both count: corpora of the
     * same news text differ mostly in how they tokenized or stripped punctuation).
     */
    static int[] styleFeatures(String[] tokens) {
        int[] out = new int[STYLES];
        int cased = 0;
        for (String t : tokens) {
            if (t != null && !t.isEmpty() && Character.isUpperCase(t.charAt(0))) {
                cased = 1;
                break;
            }
        }
        out[STYLE.length + 1] = (STYLE.length + 1) * 2 + cased;
        int hyphenated = 0;
        for (String t : tokens) {
            if (t != null && t.length() > 2 && t.indexOf('-', 1) > 0 && t.indexOf('-', 1) < t.length() - 1) {
                hyphenated = 1;
                break;
            }
        }
        out[STYLE.length] = STYLE.length * 2 + hyphenated;
        for (int k = 0; k < STYLE.length; k++) {
            int present = 0;
            for (String t : tokens) {
                if (t != null && t.equals(STYLE[k])) {
                    present = 1;
                    break;
                }
            }
            out[k] = k * 2 + present;
        }
        return out;
    }

    /** Builds a detector from per-family token lists (add-half smoothing). */
    static ConventionDetector train(List<String> families, List<List<String[]>> sentencesByFamily) {
        int size = 1 << BITS;
        float[][] logp = new float[families.size()][size];
        float[][] style = new float[families.size()][STYLES * 2];
        for (int f = 0; f < families.size(); f++) {
            int[] marks = new int[STYLES * 2];
            for (String[] s : sentencesByFamily.get(f)) {
                for (int b : styleFeatures(s)) {
                    marks[b]++;
                }
            }
            for (int b = 0; b < marks.length; b++) {
                style[f][b] = (float) Math.log((marks[b] + 0.5) / (sentencesByFamily.get(f).size() + 1.0));
            }
            long[] counts = new long[size];
            long total = 0;
            for (String[] s : sentencesByFamily.get(f)) {
                for (int b : features(s)) {
                    counts[b]++;
                    total++;
                }
            }
            double denom = Math.log(total + 0.5 * size);
            for (int b = 0; b < size; b++) {
                logp[f][b] = (float) (Math.log(counts[b] + 0.5) - denom);
            }
        }
        return new ConventionDetector(families, logp, style);
    }

    void write(OutputStream os) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(os, 1 << 16)))) {
            out.writeInt(MAGIC);
            out.writeInt(BITS);
            out.writeInt(families.size());
            for (int f = 0; f < families.size(); f++) {
                out.writeUTF(families.get(f));
                for (float v : style[f]) {
                    out.writeFloat(v);
                }
                for (float v : logp[f]) {
                    // 1/64 nat resolution is plenty for a vote over hundreds of tokens
                    out.writeShort(Math.max(Short.MIN_VALUE, Math.round(v * 64)));
                }
            }
        }
    }

    static ConventionDetector read(InputStream is) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(is, 1 << 16)))) {
            if (in.readInt() != MAGIC || in.readInt() != BITS) {
                throw new IOException("not a warta convention profile");
            }
            int n = in.readInt();
            if (n < 0 || n > 64) {
                throw new IOException("bad family count " + n);
            }
            List<String> families = new ArrayList<>(n);
            float[][] logp = new float[n][1 << BITS];
            float[][] style = new float[n][STYLES * 2];
            for (int f = 0; f < n; f++) {
                families.add(in.readUTF());
                for (int b = 0; b < style[f].length; b++) {
                    style[f][b] = in.readFloat();
                }
                for (int b = 0; b < logp[f].length; b++) {
                    logp[f][b] = in.readShort() / 64f;
                }
            }
            return new ConventionDetector(families, logp, style);
        }
    }

    private static int bucket(int h, int template) {
        return NerFeatures.mix(h, template) & ((1 << BITS) - 1);
    }

    private static int hash(String s) {
        int h = 0x811C9DC5;
        for (int i = 0, len = Math.min(s.length(), 64); i < len; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }
}
