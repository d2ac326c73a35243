package dev.warta.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Optional third-party data for tests that read real samples: its root comes from the system property
 * {@value #PROPERTY} (the build sets it to {@code ../shared/data} beside the repository); a test that needs it is
 * skipped, not failed, when the property is unset or the directory is absent.
 */
final class SharedData {
    static final String PROPERTY = "warta.shared.data";

    private SharedData() {}

    /** The directory {@code sub} of the shared data, or skips the calling test when it is not there. */
    static Path dir(String sub) {
        String root = System.getProperty(PROPERTY);
        Assumptions.assumeTrue(root != null && !root.isBlank(), PROPERTY + " not set");
        Path dir = Path.of(root).resolve(sub);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data not present: " + dir);
        return dir;
    }
}
