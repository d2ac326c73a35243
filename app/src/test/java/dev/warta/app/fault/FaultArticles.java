package dev.warta.app.fault;

import dev.warta.app.bench.ArticleGenerator;
import dev.warta.schemas.RawArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Distinct generated articles for the fault tests, produced to news.raw with an idempotent producer. */
final class FaultArticles {
    private static final ArticleGenerator GENERATOR = new ArticleGenerator(2026, 1500);

    private FaultArticles() {}

    static String id(int i) {
        return "fault-" + i;
    }

    static RawArticle article(int i) {
        ArticleGenerator.Article a = GENERATOR.article(i);
        return RawArticle.newBuilder()
                .setId(id(i))
                .setUrl("https://fault.example/" + i)
                .setSourceType("text")
                .setSource("fault-it")
                .setProvenance("fault-it#" + i)
                .setFetchedAt(Instant.now())
                .setContentType("text/plain")
                .setBody(a.body())
                .setTitle(a.title())
                .setContentHash(id(i))
                .setMetadata(Map.of())
                .build();
    }

    /** Produces articles {@code from} (inclusive) to {@code to} (exclusive) and waits for the acks. */
    static void produce(String bootstrap, String registryUrl, int from, int to) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, RawArticle> producer = new KafkaProducer<>(
                p,
                new StringSerializer(),
                AvroSerde.of(RawArticle.class, registryUrl).serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = from; i < to; i++) {
                acks.add(producer.send(new ProducerRecord<>(Topics.RAW, id(i), article(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                try {
                    ack.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException(
                            "producing to " + Topics.RAW + " failed; the broker says: " + rawPartitions(bootstrap), e);
                }
            }
        }
    }

    /** What the broker reports about news.raw's partitions (leaders, in-sync replicas), for a failure message. */
    private static String rawPartitions(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            return admin.describeTopics(List.of(Topics.RAW))
                    .allTopicNames()
                    .get(15, TimeUnit.SECONDS)
                    .toString();
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }
}
