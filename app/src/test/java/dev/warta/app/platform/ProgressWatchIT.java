package dev.warta.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.app.KafkaTestSupport;
import dev.warta.app.metrics.StageHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress watch on a real broker: records held behind an open transaction make the process report down. */
class ProgressWatchIT {
    @TempDir
    Path dir;

    @Test
    void shouldReportRecordsWaitingBehindAnOpenTransactionAndRecoverOnceItEnds() throws Exception {
        try (EmbeddedKafka kafka = KafkaTestSupport.brokerWithTopics(dir)) {
            Properties client = KafkaTestSupport.client(kafka.bootstrapServers());
            List<String> log = new ArrayList<>();
            try (ProgressWatch watch = new ProgressWatch(
                            client,
                            List.of("news.clean"),
                            Map.of(),
                            Duration.ofMillis(500),
                            Duration.ofMinutes(5),
                            log::add);
                    KafkaProducer<String, String> producer = transactional(client)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("news.clean", 0, "k", "v")).get();
                assertThat(watch.check().up())
                        .as("a fresh open transaction is normal")
                        .isTrue();
                StageHealth.Status down = until(watch, false);
                assertThat(down.state()).contains("news.clean-0: last stable offset 0 < end 1", "open transaction");
                assertThat(log)
                        .as("the coordinator is still on it: nothing aborted")
                        .isEmpty();
                producer.commitTransaction();
                assertThat(until(watch, true).state()).isEqualTo("records flowing");
            }
        }
    }

    private static StageHealth.Status until(ProgressWatch watch, boolean up) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        StageHealth.Status s = watch.check();
        while (s.up() != up && System.nanoTime() < deadline) {
            s = watch.check(); // each check is a broker round trip: no sleep needed
        }
        assertThat(s.up()).as(s.state()).isEqualTo(up);
        return s;
    }

    private static KafkaProducer<String, String> transactional(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "progress-watch-it");
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 120_000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
