package dev.warta.app.cli;

import dev.warta.enrich.lang.LanguageDetector;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code warta lang}: one ISO 639-1 code (or {@code und}) per stdin line. */
@Command(
        name = "lang",
        mixinStandardHelpOptions = true,
        description = "Read lines from stdin and print one ISO 639-1 language code (or und) per line (no Kafka).")
public final class LangCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        LanguageDetector detector = LanguageDetector.load();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out =
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(detector.detect(line).code());
        }
        out.flush();
        return 0;
    }
}
