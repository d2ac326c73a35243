package dev.warta.app.platform;

import dev.warta.sink.DuplicatePolicy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * One sink stage instance.
 *
 * @param applicationId Kafka Streams application id (instances with the same id share the work)
 * @param threads       stream threads
 * @param version       the enrichment version of this build (stamped on the sink's dead letters)
 * @param languages     languages published (empty: all); others are filtered
 * @param policy        what happens to near-duplicates
 * @param stateDir      Kafka Streams state directory ({@link Platform#stateDir()} unless several instances share
 *                      a process)
 */
public record SinkStageConfig(
        String applicationId,
        int threads,
        String version,
        Set<String> languages,
        DuplicatePolicy policy,
        Path stateDir) {
    public SinkStageConfig {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(version, "version");
        languages = Set.copyOf(languages);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(stateDir, "stateDir");
    }
}
