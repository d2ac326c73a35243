package dev.warta.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.metrics.Metrics;
import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.schemas.DeadLetter;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Entity;
import dev.warta.schemas.Language;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Segment;
import dev.warta.schemas.Spam;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison records in news.raw and news.enriched (random bytes, wrong magic byte, unknown schema id, truncated Avro)
 * each become a dead letter of the stage that read them, with the reason; valid records with absurd values (a huge
 * emoji body, binary garbage as HTML, empty body, out-of-range offsets and a short MinHash) get exactly one
 * outcome; the articles sent after them all arrive; raw + injected enriched = clean + filtered + dead letters.
 */
class PoisonRecordsIT {
    static final int VALID = 20;

    @TempDir
    static Path dir;

    static EmbeddedKafka kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestSupport.brokerWithTopics(dir.resolve("broker"));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static RawArticle raw(String id, String contentType, String body, String title) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl("https://poison.example/" + id)
                .setSourceType("text")
                .setSource("poison-it")
                .setProvenance("poison-it#" + id)
                .setFetchedAt(Instant.now())
                .setContentType(contentType)
                .setBody(body)
                .setTitle(title)
                .setContentHash(id)
                .setMetadata(Map.of())
                .build();
    }

    static EnrichedArticle absurdEnriched(String id) {
        String text = "Ω≈ç√ 𝕳𝖊𝖑𝖑𝖔 مرحبا こんにちは ".repeat(2000);
        return EnrichedArticle.newBuilder()
                .setId(id)
                .setSourceType("text")
                .setSource("poison-it")
                .setProvenance("p#" + id)
                .setFetchedAt(Instant.ofEpochMilli(Long.MAX_VALUE / 2))
                .setEnrichedAt(Instant.EPOCH)
                .setEnrichmentVersion("")
                .setText(text)
                .setLanguage(new Language("zz", Double.NaN))
                .setSegments(List.of(new Segment(-5, 1_000_000_000, new Language("", -1.0))))
                .setSpam(new Spam(false, Double.POSITIVE_INFINITY, false, List.of()))
                .setEntities(List.of(new Entity("x", "NOPE", 900_000, -3, "", null)))
                .setTextHash("")
                .setMinhash(List.of(1, 2, 3))
                .build();
    }

    /** The same record with another schema id, a wrong magic byte, half its bytes, and random bytes after a valid header. */
    static Map<String, byte[]> malformed(String prefix, byte[] valid, long seed) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        byte[] badMagic = valid.clone();
        badMagic[0] = 7;
        out.put(prefix + "bad-magic", badMagic);
        byte[] unknownId = valid.clone();
        ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
        out.put(prefix + "unknown-id", unknownId);
        out.put(prefix + "truncated", Arrays.copyOf(valid, valid.length / 2));
        byte[] random = new byte[400];
        new Random(seed).nextBytes(random);
        System.arraycopy(valid, 0, random, 0, 5);
        out.put(prefix + "random", random);
        return out;
    }

    @Test
    void shouldDeadLetterEachPoisonRecordWithItsReasonGiveAbsurdRecordsOneOutcomeAndKeepGoing() throws Exception {
        String registry = "mem://poison-it-" + UUID.randomUUID();
        String bootstrap = kafka.bootstrapServers();
        AvroSerde<RawArticle> rawSerde = AvroSerde.of(RawArticle.class, registry);
        AvroSerde<EnrichedArticle> enrichedSerde = AvroSerde.of(EnrichedArticle.class, registry);

        Map<String, byte[]> rawPoison = malformed(
                "r-",
                rawSerde.serialize(
                        Topics.RAW,
                        raw(
                                "r-ok",
                                "text/plain",
                                "Judul\n\nBerita singkat tentang cuaca di Bandung hari ini.",
                                "Judul")),
                1);
        Map<String, byte[]> enrichedPoison =
                malformed("e-", enrichedSerde.serialize(Topics.ENRICHED, absurdEnriched("e-ok")), 2);
        StringBuilder garbage = new StringBuilder("<html><body>");
        Random r = new Random(3);
        for (int i = 0; i < 3000; i++) {
            garbage.append("<div>").append((char) r.nextInt(0xD7FF));
        }
        Map<String, byte[]> rawAbsurd = new LinkedHashMap<>();
        rawAbsurd.put(
                "r-huge-emoji",
                rawSerde.serialize(Topics.RAW, raw("r-huge-emoji", "text/plain", "😀🔥🇮🇩".repeat(30_000), "😀")));
        rawAbsurd.put(
                "r-html-garbage",
                rawSerde.serialize(Topics.RAW, raw("r-html-garbage", "text/html", garbage.toString(), null)));
        rawAbsurd.put("r-empty", rawSerde.serialize(Topics.RAW, raw("r-empty", "application/x-unknown", "", "")));
        RawArticle fields = raw("r-absurd-fields", "TEXT/HTML; charset=nonsense", "\u0000\u0001\uFFFF<p>a</p>", null);
        fields.setPublishedAt("not a date at all");
        fields.setLanguageHint("xx-\u00ff\u00ff");
        fields.setUrl("javascript:" + "a".repeat(10_000));
        rawAbsurd.put("r-absurd-fields", rawSerde.serialize(Topics.RAW, fields));

        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        pp.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            for (var e : rawPoison.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.RAW, e.getKey(), e.getValue()))
                        .get();
            }
            for (var e : rawAbsurd.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.RAW, e.getKey(), e.getValue()))
                        .get();
            }
            for (var e : enrichedPoison.entrySet()) {
                producer.send(new ProducerRecord<>(Topics.ENRICHED, e.getKey(), e.getValue()))
                        .get();
            }
            // tombstones: no article in them, each must become a dead letter with a clear reason (not be dropped)
            producer.send(new ProducerRecord<>(Topics.RAW, "r-null", null)).get();
            producer.send(new ProducerRecord<>(Topics.ENRICHED, "e-null", null)).get();
            producer.send(new ProducerRecord<>(
                            Topics.ENRICHED,
                            "e-absurd",
                            enrichedSerde.serialize(Topics.ENRICHED, absurdEnriched("e-absurd"))))
                    .get();
        }
        FaultArticles.produce(bootstrap, registry, 0, VALID);
        int rawRecords = rawPoison.size() + rawAbsurd.size() + 1 + VALID;
        int injectedEnriched = enrichedPoison.size() + 1 + 1;

        try (Metrics metrics = Metrics.create();
                InProcessStages stages = InProcessStages.start(bootstrap, registry, dir.resolve("state"), metrics)) {
            Outcomes done = Outcomes.await(
                    bootstrap, registry, o -> o.accounted() >= rawRecords + injectedEnriched, Duration.ofSeconds(150));

            Map<String, DeadLetter> letters = new HashMap<>();
            done.deadLetters.forEach(d -> letters.put(d.getKey(), d));
            assertThat(done.accounted()).as(done + " " + letters.keySet()).isEqualTo(rawRecords + injectedEnriched);
            assertThat(done.duplicates()).isEmpty();
            for (String prefix : List.of("r-", "e-")) {
                String stage = prefix.equals("r-") ? "enrich" : "sink";
                String topic = prefix.equals("r-") ? Topics.RAW : Topics.ENRICHED;
                assertThat(letters.get(prefix + "bad-magic").getReason()).isEqualTo("bad-magic-byte");
                assertThat(letters.get(prefix + "unknown-id").getReason()).isEqualTo("unknown-schema-id");
                assertThat(letters.get(prefix + "truncated").getReason()).isIn("truncated-avro", "malformed-avro");
                assertThat(letters.get(prefix + "random").getReason()).isIn("truncated-avro", "malformed-avro");
                DeadLetter tombstone = letters.get(prefix + "null");
                assertThat(tombstone).as(prefix + "null dead-lettered").isNotNull();
                assertThat(tombstone.getReason()).isEqualTo("empty-payload");
                assertThat(tombstone.getMessage()).contains("null value", topic).doesNotContain("NullPointerException");
                for (String kind : List.of("bad-magic", "unknown-id", "truncated", "random", "null")) {
                    DeadLetter l = letters.get(prefix + kind);
                    assertThat(l.getStage()).as(prefix + kind).isEqualTo(stage);
                    assertThat(l.getTopic()).isEqualTo(topic);
                    assertThat(l.getOffset()).isNotNull().isNotNegative();
                }
            }
            for (String id : List.of("r-huge-emoji", "r-html-garbage", "r-empty", "r-absurd-fields", "e-absurd")) {
                int outcomes = done.clean.getOrDefault(id, 0)
                        + done.filtered.getOrDefault(id, 0)
                        + (letters.containsKey(id) ? 1 : 0);
                assertThat(outcomes).as(id + " " + letters.get(id)).isEqualTo(1);
            }
            for (int i = 0; i < VALID; i++) {
                String id = FaultArticles.id(i);
                assertThat(done.clean.getOrDefault(id, 0) + done.filtered.getOrDefault(id, 0))
                        .as(id)
                        .isEqualTo(1);
            }
            assertThat(stages.running()).isTrue();
            // the same dead letters, counted by the metrics listener (at least once: an aborted transaction is retried)
            for (String stage : List.of("enrich", "sink")) {
                assertThat(metrics.count(Metrics.DEAD_LETTERS, "stage", stage, "reason", "bad-magic-byte"))
                        .isGreaterThanOrEqualTo(1);
                assertThat(metrics.count(Metrics.DEAD_LETTERS, "stage", stage, "reason", "unknown-schema-id"))
                        .isGreaterThanOrEqualTo(1);
            }
            assertThat(metrics.count(Metrics.CLEAN)).isGreaterThanOrEqualTo(done.cleanCount());
            assertThat(metrics.analyzerTimer(dev.warta.enrich.Analysis.Step.LANGUAGE)
                            .count())
                    .isGreaterThanOrEqualTo(VALID);
            assertThat(metrics.health().up()).as(metrics.health().toJson()).isTrue();
        }
    }
}
