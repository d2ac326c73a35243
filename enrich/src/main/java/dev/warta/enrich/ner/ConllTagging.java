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
 * after each sentence.
 *
 * <pre>{@code
 * ConllTagging.run(new InputStreamReader(System.in, UTF_8), new OutputStreamWriter(System.out, UTF_8),
 *         EntityTagger.load());
 * }</pre>
 */
public final class ConllTagging {
    private ConllTagging() {
    }

    /** Tags every sentence of {@code in} and writes the result to {@code out} (flushed, not closed). */
    public static void run(Reader in, Writer out, EntityTagger tagger) {
        try {
            BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
            List<String> sentence = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty()) {
                    write(sentence, out, tagger);
                    continue;
                }
                int cut = 0;
                while (cut < s.length() && s.charAt(cut) != '\t' && s.charAt(cut) != ' ') {
                    cut++;
                }
                sentence.add(s.substring(0, cut));
            }
            write(sentence, out, tagger);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(List<String> sentence, Writer out, EntityTagger tagger) throws IOException {
        if (sentence.isEmpty()) {
            return;
        }
        List<String> tags = tagger.tagTokens(sentence);
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
