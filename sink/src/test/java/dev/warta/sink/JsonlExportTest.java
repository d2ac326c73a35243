package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.common.json.ArticleJson;
import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlExportTest {
    @TempDir
    Path dir;

    @Test
    void shouldCommitOnlyWhatCompletedFilesHold() throws IOException {
        TopicPartition tp = new TopicPartition(Topics.CLEAN, 0);
        MockConsumer<String, EnrichedArticle> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(tp));
        consumer.updateBeginningOffsets(Map.of(tp, 0L));
        for (int i = 0; i < 3; i++) {
            consumer.addRecord(
                    new ConsumerRecord<>(Topics.CLEAN, 0, i, "a" + i, Articles.article("a" + i, Articles.MARKET)));
        }
        // one line is bigger than maxBytes/2: every second line rolls a file
        long maxBytes =
                ArticleJson.json(Articles.article("a0", Articles.MARKET)).length() * 2L;
        JsonlFileSink sink = new JsonlFileSink(dir, maxBytes, Duration.ofHours(1), Clock.systemUTC());
        AtomicInteger polls = new AtomicInteger();
        long written = JsonlExport.run(consumer, sink, Duration.ofMillis(1), () -> {
            if (polls.get() == 1) {
                // after the first batch: a file rolled mid-batch, so everything read must be in complete files
                assertThat(consumer.committed(java.util.Set.of(tp)).get(tp)).isEqualTo(new OffsetAndMetadata(3));
                assertThat(partFiles()).isZero();
            }
            return polls.getAndIncrement() < 2;
        });
        assertThat(written).isEqualTo(3);
        try (Stream<Path> files = Files.list(dir)) {
            long lines = files.mapToLong(p -> {
                        try {
                            return Files.readAllLines(p).size();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .sum();
            assertThat(lines).isEqualTo(3);
        }
    }

    private long partFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(JsonlFileSink.PART)).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
