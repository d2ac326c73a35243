package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warta.common.json.ArticleJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlFileSinkTest {
    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-05T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void shouldKeepOpenFileAsPartAndRenameItOnClose() throws IOException {
        JsonlFileSink sink = new JsonlFileSink(dir, 1 << 20, Duration.ofHours(1), new ManualClock());
        sink.write(Articles.article("a1", Articles.FLOOD));
        assertThat(files(".jsonl")).isEmpty();
        assertThat(files(JsonlFileSink.PART)).hasSize(1);
        sink.close();
        assertThat(files(JsonlFileSink.PART)).isEmpty();
        List<Path> done = files(".jsonl");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).getFileName().toString()).startsWith("clean-20260105T080000Z-");
        List<String> lines = Files.readAllLines(done.get(0));
        assertThat(lines).hasSize(1);
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("id").asText()).isEqualTo("a1");
    }

    @Test
    void shouldRollBySize() throws IOException {
        int one = (ArticleJson.json(Articles.article("a0", Articles.MARKET)) + "\n").length();
        try (JsonlFileSink sink = new JsonlFileSink(dir, one * 2L, Duration.ofHours(1), new ManualClock())) {
            for (int i = 0; i < 5; i++) {
                sink.write(Articles.article("a" + i, Articles.MARKET));
            }
        }
        List<Path> done = files(".jsonl");
        assertThat(done).hasSize(3);
        List<String> ids = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (Path p : done) {
            for (String l : Files.readAllLines(p)) {
                ids.add(m.readTree(l).get("id").asText());
            }
        }
        assertThat(ids).containsExactly("a0", "a1", "a2", "a3", "a4");
    }

    @Test
    void shouldRollByAgeEvenWhenIdle() throws IOException {
        ManualClock clock = new ManualClock();
        try (JsonlFileSink sink = new JsonlFileSink(dir, 1 << 20, Duration.ofMinutes(5), clock)) {
            sink.write(Articles.article("a1", Articles.MARKET));
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            sink.maybeRoll();
            assertThat(files(".jsonl")).isEmpty();
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            sink.maybeRoll();
            assertThat(files(".jsonl")).hasSize(1);
            assertThat(files(JsonlFileSink.PART)).isEmpty();
            sink.write(Articles.article("a2", Articles.MARKET));
            assertThat(files(JsonlFileSink.PART)).hasSize(1);
        }
        assertThat(files(".jsonl")).hasSize(2);
    }
}
