package dev.warta.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.ingest.sink.KafkaArticleSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Behaviour against a broker that is not there (the real-broker tests live in the app module). */
class KafkaArticleSinkTest {
    private static final Map<String, Object> UNREACHABLE = Map.of(
            "bootstrap.servers", "127.0.0.1:1",
            "schema.registry.url", "mem://kafka-sink-test",
            "max.block.ms", 500,
            "request.timeout.ms", 500,
            "delivery.timeout.ms", 1000,
            "linger.ms", 0);

    @Test
    void publishFailsWithinMaxBlockWhenTheBrokerIsUnreachable() {
        try (KafkaArticleSink sink = new KafkaArticleSink(UNREACHABLE)) {
            dev.warta.schemas.RawArticle article = new dev.warta.ingest.source.Records.Draft("text", "t", "t")
                    .body("Isi")
                    .title("Judul")
                    .build();
            long start = System.nanoTime();
            assertThatThrownBy(() -> sink.publish(article).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void runnerCannotStartWithoutTheSeenIndexAndSaysWhy() {
        try (KafkaArticleSink sink = new KafkaArticleSink(UNREACHABLE)) {
            assertThatThrownBy(() -> IngestRunner.builder(sink)
                            .sinkTimeout(Duration.ofSeconds(1))
                            .progress(false)
                            .build())
                    .isInstanceOf(IngestException.class)
                    .hasMessageContaining("seen index")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void isConstructibleFromProperties() {
        java.util.Properties p = new java.util.Properties();
        UNREACHABLE.forEach((k, v) -> p.setProperty(k, v.toString()));
        p.setProperty("security.protocol", "PLAINTEXT");
        try (KafkaArticleSink sink = new KafkaArticleSink(p)) {
            assertThat(sink).isNotNull();
        }
    }
}
