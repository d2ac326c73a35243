package dev.warta.common.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    private static Object commitInterval(String stage, Properties overrides) {
        return StreamsSettings.of(stage, "app-" + stage, "mem://settings", "v1", overrides)
                .get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }

    @Test
    void shouldCommitTheThreeHopSinkMoreOftenThanEnrichAndBothWithinTheDefault() {
        int enrich = (int) commitInterval("enrich", null);
        int sink = (int) commitInterval("sink", null);
        int other = (int) commitInterval("baseline", null);

        assertThat(sink).isLessThan(enrich);
        assertThat(enrich).isLessThan(other);
        assertThat(3 * sink + enrich)
                .as("commit intervals on the ingest-to-clean path")
                .isLessThanOrEqualTo(200);
    }

    @Test
    void shouldBatchWholeArticlesPerProducerBatchUnlessOverridden() {
        Properties defaults = StreamsSettings.of("sink", "app-sink", "mem://settings", "v1", null);
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.producerPrefix("batch.size"), "65536");

        assertThat((int) defaults.get(StreamsConfig.producerPrefix("batch.size")))
                .isGreaterThanOrEqualTo(10 * 10_000);
        assertThat(StreamsSettings.of("sink", "app-sink", "mem://settings", "v1", overrides)
                        .get(StreamsConfig.producerPrefix("batch.size")))
                .isEqualTo("65536");
    }

    @Test
    void shouldLetAnExplicitCommitIntervalWin() {
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "500");

        assertThat(commitInterval("sink", overrides)).isEqualTo("500");
        assertThat(commitInterval("replay", null)).isEqualTo(100);
    }
}
