package dev.warta.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The enrichment version stamped on records: from the build, overridable with {@code WARTA_ENRICHMENT_VERSION}. */
public final class EnrichmentVersion {
    private EnrichmentVersion() {}

    public static String current() {
        String override = System.getenv("WARTA_ENRICHMENT_VERSION");
        if (override != null && !override.isBlank()) {
            return override.strip();
        }
        try (InputStream in = EnrichmentVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
