package dev.warta.enrich.ner.en;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CoNLL-style English NER files: token in the first column, tag in the last, blank line between sentences. */
final class EnCorpus {
    record Sentence(String[] tokens, int[] labels) {}

    private EnCorpus() {}

    static List<Sentence> read(Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        List<String> toks = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("-DOCSTART-")) {
                    flush(out, toks, labels);
                    continue;
                }
                String[] f = s.split("[\t ]+");
                toks.add(f[0]);
                labels.add(f.length > 1 ? EnLabels.parse(f[f.length - 1]) : 0);
            }
        }
        flush(out, toks, labels);
        return out;
    }

    private static void flush(List<Sentence> out, List<String> toks, List<Integer> labels) {
        if (toks.isEmpty()) {
            return;
        }
        int[] l = new int[labels.size()];
        for (int i = 0; i < l.length; i++) {
            int x = labels.get(i);
            // IOB1 or a stray inside tag: an inside label that starts a span becomes a begin label
            if (EnLabels.isInside(x) && (i == 0 || EnLabels.typeOf(l[i - 1]) != EnLabels.typeOf(x) || l[i - 1] == 0)) {
                x = x - 1;
            }
            l[i] = x;
        }
        out.add(new Sentence(toks.toArray(new String[0]), l));
        toks.clear();
        labels.clear();
    }
}
