package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkConfigTest {
    private final SinkConfig defaults = SinkConfig.defaults(new AvroSerde<>(EnrichedArticle.class));

    @Test
    void shouldApplyPresentSettingsAndKeepTheOthers() {
        SinkConfig c = defaults.withSettings(Map.of(SinkConfig.LANGUAGES, " id, EN ,", SinkConfig.DUPLICATES, "drop"));
        assertThat(c.languages()).containsExactlyInAnyOrder("id", "en");
        assertThat(c.policy()).isEqualTo(DuplicatePolicy.DROP);
        assertThat(c.threshold()).isEqualTo(defaults.threshold());
        assertThat(c.bands() * c.rows()).isEqualTo(defaults.bands() * defaults.rows());
        assertThat(c.dedupPartitions()).isEqualTo(defaults.dedupPartitions());
        assertThat(defaults.withSettings(Map.of(SinkConfig.DEDUP_PARTITIONS, " 12 "))
                        .dedupPartitions())
                .isEqualTo(12);
    }

    @Test
    void shouldRejectBadSettingsNamingTheProblem() {
        assertThatThrownBy(() -> defaults.withSettings(Map.of(SinkConfig.THRESHOLD, "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> defaults.withSettings(Map.of(SinkConfig.DUPLICATES, "keep")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSettings(Map.of(SinkConfig.BANDS, "64")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bands");
        assertThatThrownBy(() -> defaults.withSettings(Map.of(SinkConfig.DEDUP_PARTITIONS, "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupPartitions");
    }
}
