package dev.warta.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the environment and the properties file: {@code --bootstrap-servers} is read from
 * {@code WARTA_BOOTSTRAP_SERVERS}, then from {@code bootstrap-servers=} in the file named by {@code WARTA_CONFIG}
 * (default {@code ./warta.properties}). Flags on the command line win.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (!(argSpec instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String name = option.longestName().substring(2);
        String env = System.getenv("WARTA_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (env != null && !env.isBlank()) {
            return env;
        }
        return fileProperties().getProperty(name);
    }

    /** The properties file's entries (empty when there is none). */
    public static Properties fileProperties() {
        String configured = System.getenv("WARTA_CONFIG");
        Path file = Path.of(configured == null || configured.isBlank() ? "warta.properties" : configured);
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        } else if (configured != null && !configured.isBlank()) {
            throw new IllegalArgumentException("WARTA_CONFIG names " + file + ", which is not a readable file");
        }
        return p;
    }
}
