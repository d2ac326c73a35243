package dev.warta.enrich.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Unlabelled Indonesian, Malay and English text for the tagger's distributional resources (capitalisation table,
 * word clusters), read at build time from the shared data dir, never copied into the repository: Detik news
 * bodies, Malay news, the NusaX parallel sentences, the Leipzig test sentences, the ~10 MB of unlabelled
 * Indonesian news and Wikipedia text in {@code lang/more/id-*.txt} and the tokens of the NER training files (never
 * the dev files). Lines are tokenized by {@link NerTokenizer}; CSV and JSON quoting is left in as
 * punctuation tokens, which is harmless for counting words and their neighbours.
 */
final class NerText {
    /** Plain-text sources, relative to the shared data dir (missing files are skipped). */
    static final List<String> SOURCES = List.of(
            "news/detik-dev.csv",
            "lang/malay/ms-sentences.txt",
            "lang/malay/majoriti-articles.jsonl",
            "lang/nusax/train.csv",
            "lang/nusax/valid.csv",
            "lang/nusax/test.csv",
            "lang/sentences/id.txt",
            "lang/sentences/ms.txt",
            "lang/sentences/en.txt",
            "lang/more/id-indosum.txt",
            "lang/more/id-mesolitica-indon-news.txt",
            "lang/more/id-hoax-news.txt",
            "lang/more/id-indonli-premises.txt",
            "lang/more/id-indonli-hypotheses.txt",
            "lang/more/id-media-news-2023.txt",
            "lang/more/id-talpco.txt");

    private NerText() {}

    /**
     * Calls {@code sink} with every tokenized sentence of the unlabelled sources under {@code data} (the shared
     * data dir, parent of {@code ner/}) and of the NER training files in {@code data/ner}.
     */
    static void forEachSentence(Path data, Consumer<String[]> sink) throws IOException {
        for (String source : SOURCES) {
            Path f = data.resolve(source);
            if (!Files.isRegularFile(f)) {
                System.out.println("unlabelled text: missing " + f);
                continue;
            }
            boolean json = source.endsWith(".jsonl");
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try (BufferedReader r =
                    new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(f), decoder))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String text = json ? line.replace("\\n", "\n").replace("\\\"", "\"") : line;
                    for (List<NerToken> s : NerTokenizer.sentences(text)) {
                        String[] toks = new String[s.size()];
                        for (int i = 0; i < toks.length; i++) {
                            toks[i] = s.get(i).text();
                        }
                        sink.accept(toks);
                    }
                }
            }
        }
        Path ner = data.resolve("ner");
        if (Files.isDirectory(ner)) {
            for (Path f : NerCorpus.files(ner, "train")) {
                for (NerCorpus.Sentence s : NerCorpus.read(f)) {
                    sink.accept(s.tokens());
                }
            }
        }
    }
}
