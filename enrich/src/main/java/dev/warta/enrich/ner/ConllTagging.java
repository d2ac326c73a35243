package dev.warta.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code warta ner} command's I/O: reads CoNLL-style lines (token in the first column, other columns
 * ignored, blank line between sentences) and writes {@code token<TAB>tag} per token with BIO tags, a blank line
 * after each sentence. The first {@value #SAMPLE} sentences are read ahead to pick the closest training family's
 * annotation convention ({@link EntityTagger#convention}), used for the whole input; the rest is streamed.
 *
 * <pre>{@code
 * ConllTagging.run(new InputStreamReader(System.in, UTF_8), new OutputStreamWriter(System.out, UTF_8),
 *         EntityTagger.load());
 * }</pre>
 */
public final class ConllTagging {
    /** Sentences read ahead to detect the annotation convention. */
    public static final int SAMPLE = 200;

    private ConllTagging() {
    }

    /** Tags every sentence of {@code in} and writes the result to {@code out} (flushed, not closed). */
    public static void run(Reader in, Writer out, EntityTagger tagger) {
        try {
            BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
            List<String> sentence = new ArrayList<>();
            List<List<String>> ahead = new ArrayList<>();
            String family = null;
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty()) {
                    if (ahead != null) {
                        if (!sentence.isEmpty()) {
                            ahead.add(List.copyOf(sentence));
                            sentence.clear();
                        }
                        if (ahead.size() >= SAMPLE) {
                            family = flushAhead(ahead, out, tagger);
                            ahead = null;
                        }
                    } else {
                        write(sentence, family, out, tagger);
                    }
                    continue;
                }
                int cut = 0;
                while (cut < s.length() && s.charAt(cut) != '\t' && s.charAt(cut) != ' ') {
                    cut++;
                }
                sentence.add(s.substring(0, cut));
            }
            if (ahead != null) {
                if (!sentence.isEmpty()) {
                    ahead.add(List.copyOf(sentence));
                    sentence.clear();
                }
                flushAhead(ahead, out, tagger);
            } else {
                write(sentence, family, out, tagger);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flushAhead(List<List<String>> ahead, Writer out, EntityTagger tagger) throws IOException {
        String family = tagger.convention(ahead);
        for (List<String> s : ahead) {
            write(new ArrayList<>(s), family, out, tagger);
        }
        return family;
    }

    private static void write(List<String> sentence, String family, Writer out, EntityTagger tagger)
            throws IOException {
        if (sentence.isEmpty()) {
            return;
        }
        List<String> tags = tagger.tagTokens(sentence, family);
        for (int i = 0; i < sentence.size(); i++) {
            out.write(sentence.get(i));
            out.write('\t');
            out.write(tags.get(i));
            out.write('\n');
        }
        out.write('\n');
        sentence.clear();
    }
}
