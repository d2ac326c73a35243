package dev.warta.app.platform;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One enrich stage instance.
 *
 * @param applicationId Kafka Streams application id (instances with the same id share the work)
 * @param threads       stream threads
 * @param version       the enrichment version stamped on every record
 * @param stateDir      Kafka Streams state directory ({@link Platform#stateDir()} unless several instances share
 *                      a process)
 */
public record EnrichStageConfig(String applicationId, int threads, String version, Path stateDir) {
    public EnrichStageConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
