package dev.warta.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.ClusterConfig;
import dev.warta.app.platform.Platform;
import dev.warta.app.platform.SinkStageConfig;
import dev.warta.app.platform.Stages;
import dev.warta.app.platform.StreamsApp;
import dev.warta.common.fingerprint.Fingerprinter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Language;
import dev.warta.schemas.Spam;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import dev.warta.sink.DuplicatePolicy;
import dev.warta.sink.SinkConfig;
import dev.warta.sink.SinkTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two sink instances on a 3-partition topic still mark a near-duplicate whose id hashes to another partition. */
class SinkScaleOutIT {
    @TempDir
    Path dir;

    static final String STORY =
            "Pemerintah kota mengumumkan bahwa jalur sepeda baru sepanjang dua belas kilometer akan "
                    + "dibangun di sepanjang sungai mulai bulan depan. Wali kota mengatakan proyek itu dibiayai oleh anggaran "
                    + "daerah dan bantuan dari pemerintah pusat. Warga diminta memberikan masukan tentang rute melalui situs "
                    + "resmi pemerintah kota sebelum akhir bulan ini. Dinas perhubungan akan menutup sebagian jalan selama "
                    + "pembangunan dan menyiapkan rute alternatif bagi pengendara.";

    static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
    }

    static EnrichedArticle article(String id, String text) {
        Fingerprinter f = new Fingerprinter();
        List<Integer> sig = java.util.Arrays.stream(f.minhash(text)).boxed().toList();
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setSourceType("text")
                .setSource("it")
                .setProvenance("it#" + id)
                .setFetchedAt(Instant.now())
                .setEnrichedAt(Instant.now())
                .setEnrichmentVersion("it")
                .setText(text)
                .setLanguage(new Language("id", 0.99))
                .setSpam(new Spam(false, 0.0, false, List.of()))
                .setTextHash(f.textHash(text))
                .setMinhash(sig)
                .build();
    }

    @ParameterizedTest(name = "band partitions: {0}")
    @ValueSource(strings = {"", "3"})
    void shouldMarkNearDuplicatesAcrossPartitionsAndInstances(String bandPartitions) throws Exception {
        String first = "story-a";
        String second = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "story-b-" + i)
                .filter(k -> partition(k) != partition(first))
                .findFirst()
                .orElseThrow();
        String edited = STORY + " Sumber: humas kota.";

        // with band partitions: scatter over three band partitions, gather by id (the path for spreading the band step)
        ClusterConfig config = new ClusterConfig(
                null,
                null,
                dir.resolve("data"),
                3,
                (short) 1,
                bandPartitions.isEmpty() ? Map.of() : Map.of(SinkConfig.DEDUP_PARTITIONS, bandPartitions),
                0,
                0,
                null);
        try (Platform platform = Platform.open(config, true);
                Metrics metrics = Metrics.create();
                StreamsApp sinkA = Stages.startSink(
                        platform,
                        new SinkStageConfig(
                                "scale-out-sink", 1, "it", Set.of(), DuplicatePolicy.MARK, dir.resolve("state-a")),
                        metrics);
                StreamsApp sinkB = Stages.startSink(
                        platform,
                        new SinkStageConfig(
                                "scale-out-sink", 1, "it", Set.of(), DuplicatePolicy.MARK, dir.resolve("state-b")),
                        metrics)) {
            AvroSerde<EnrichedArticle> serde = AvroSerde.of(EnrichedArticle.class, platform.registryUrl());
            try (KafkaProducer<String, EnrichedArticle> producer =
                    new KafkaProducer<>(platform.clientProperties(), new StringSerializer(), serde.serializer())) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, first, article(first, STORY)))
                        .get(30, TimeUnit.SECONDS);
                assertThat(KafkaTestSupport.readUntil(
                                platform.bootstrapServers(),
                                Topics.CLEAN,
                                serde.deserializer(),
                                r -> !r.isEmpty(),
                                Duration.ofSeconds(120)))
                        .hasSize(1);
                producer.send(new ProducerRecord<>(Topics.ENRICHED, second, article(second, edited)))
                        .get(30, TimeUnit.SECONDS);
            }
            var clean = KafkaTestSupport.readUntil(
                    platform.bootstrapServers(),
                    Topics.CLEAN,
                    serde.deserializer(),
                    r -> r.size() >= 2,
                    Duration.ofSeconds(120));
            assertThat(clean).hasSize(2);
            EnrichedArticle dup = clean.stream()
                    .map(r -> r.value())
                    .filter(a -> a.getId().equals(second))
                    .findFirst()
                    .orElseThrow();
            EnrichedArticle original = clean.stream()
                    .map(r -> r.value())
                    .filter(a -> a.getId().equals(first))
                    .findFirst()
                    .orElseThrow();
            assertThat(original.getDuplicateOf()).isNull();
            assertThat(dup.getDuplicateOf()).isEqualTo(first);
            assertThat(dup.getSimilarity()).isGreaterThanOrEqualTo(0.8);
            assertThat(clean.stream().map(r -> r.partition()).distinct().count())
                    .isEqualTo(2);
            assertThat(Stages.sinkConfig(platform, "scale-out-sink").dedupPartitions())
                    .isEqualTo(bandPartitions.isEmpty() ? SinkConfig.DEFAULT_DEDUP_PARTITIONS : 3);
        }
    }

    @Test
    void shouldKeepTheBandTopicSizeOfAnEarlierRunUnlessConfigured() throws Exception {
        try (Platform platform = Platform.open(KafkaTestSupport.embeddedConfig(dir.resolve("data")), true);
                Admin admin = Admin.create(platform.clientProperties())) {
            // the band topic an earlier build created with as many partitions as news.enriched
            String bands = "old-sink-" + SinkTopology.BANDS_TOPIC + "-repartition";
            admin.createTopics(List.of(new NewTopic(bands, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // a created topic reaches the broker's metadata a moment later: wait until it is listed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(bands)) {
                assertThat(System.nanoTime())
                        .as("topic " + bands + " listed within 30 s")
                        .isLessThan(deadline);
            }

            assertThat(Stages.sinkConfig(platform, "old-sink").dedupPartitions())
                    .isEqualTo(3);
            assertThat(Stages.sinkConfig(platform, "new-sink").dedupPartitions())
                    .isEqualTo(SinkConfig.DEFAULT_DEDUP_PARTITIONS)
                    .isEqualTo(1);
        }
    }
}
