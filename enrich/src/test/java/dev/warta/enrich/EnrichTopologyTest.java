package dev.warta.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.common.stream.StreamsSettings;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {
    private final String registry = "mem://enrich-topology-" + UUID.randomUUID();
    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private Topology topology;

    @BeforeEach
    void setUp() {
        Properties props = StreamsSettings.of("enrich", "warta-enrich-test", registry, "test-1", new Properties());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        Analysis analysis = Analysis.standard("test-1", StepTimer.NONE);
        topology = EnrichTopology.build(analysis, props);
        driver = new TopologyTestDriver(topology, props);
        raw = driver.createInputTopic(
                Topics.RAW,
                Serdes.String().serializer(),
                AvroSerde.of(RawArticle.class, registry).serializer());
        enriched = driver.createOutputTopic(
                Topics.ENRICHED,
                Serdes.String().deserializer(),
                AvroSerde.of(EnrichedArticle.class, registry).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    static RawArticle textPage(String id, String body) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://example.test/" + id)
                .setSourceType("text")
                .setSource("test")
                .setProvenance("test#" + id)
                .setFetchedAt(Instant.parse("2026-01-02T03:04:05Z"))
                .setContentType("text/plain")
                .setBody(body)
                .setTitle(body.lines().findFirst().orElse(null))
                .setContentHash(Integer.toHexString(body.hashCode()))
                .setMetadata(Map.of())
                .build();
    }

    @Test
    void shouldEnrichEveryRawArticleUnderItsIdWithTheEnrichmentVersion() {
        raw.pipeInput(
                "a1",
                textPage("a1", "Judul berita\n\nPresiden meresmikan jembatan baru di Kalimantan pada hari Senin."));
        raw.pipeInput("a2", textPage("a2", "Another headline\n\nThe council approved the budget after a long debate."));

        var out = enriched.readKeyValuesToMap();
        assertThat(out).containsOnlyKeys("a1", "a2");
        assertThat(out.get("a1").getEnrichmentVersion()).isEqualTo("test-1");
        assertThat(out.get("a1").getTitle()).isEqualTo("Judul berita");
        assertThat(out.get("a1").getText()).contains("meresmikan jembatan baru").doesNotContain("Judul berita");
        assertThat(out.get("a2").getUrl()).isEqualTo("https://example.test/a2");
    }

    @Test
    void shouldNameEveryProcessor() {
        String description = topology.describe().toString();
        assertThat(description).contains(EnrichTopology.SOURCE, EnrichTopology.ANALYZE, EnrichTopology.SINK);
    }
}
