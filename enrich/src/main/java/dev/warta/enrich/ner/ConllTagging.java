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
 * after each sentence. Each sentence is tagged on its own by the article tagger ({@link EntityTagger#tagTokens(List)}:
 * the model and rules that articles get), so its tags never depend on the rest of the input; streamed.
 *
 * <pre>{@code
 * ConllTagging.run(new InputStreamReader(System.in, UTF_8), new OutputStreamWriter(System.out, UTF_8),
 *         EntityTagger.load());
 * }</pre>
 */
public final class ConllTagging {
    private ConllTagging() {}

    /** Tags every sentence of {@code in} with the article tagger and writes the result to {@code out}. */
    public static void run(Reader in, Writer out, EntityTagger tagger) {
        run(in, out, tagger, null);
    }

    /**
     * Like {@link #run(Reader, Writer, EntityTagger)}; a non-null {@code convention} instead scores with that
     * training family's annotation habits and no rules ({@link EntityTagger#tagTokens(List, String)}: for analysis
     * only, named explicitly by the caller, never guessed from the input).
     */
    public static void run(Reader in, Writer out, EntityTagger tagger, String convention) {
        try {
            BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
            List<String> sentence = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty()) {
                    write(sentence, convention, out, tagger);
                    continue;
                }
                int cut = 0;
                while (cut < s.length() && s.charAt(cut) != '\t' && s.charAt(cut) != ' ') {
                    cut++;
                }
                sentence.add(s.substring(0, cut));
            }
            write(sentence, convention, out, tagger);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(List<String> sentence, String convention, Writer out, EntityTagger tagger)
            throws IOException {
        if (sentence.isEmpty()) {
            return;
        }
        List<String> tags = convention == null ? tagger.tagTokens(sentence) : tagger.tagTokens(sentence, convention);
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
