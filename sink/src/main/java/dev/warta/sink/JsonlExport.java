package dev.warta.sink;

import dev.warta.schemas.EnrichedArticle;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Copies a topic (news.clean) into a {@link JsonlFileSink}: the loop behind {@code warta sink --to-jsonl DIR}.
 * Offsets are committed only when every record up to them sits in a completed (renamed) file: after a crash the
 * unfinished {@code .part} file is abandoned and its records are consumed again, so nothing is lost (a record may
 * appear twice only when a commit itself failed). Give the consumer {@code enable.auto.commit=false} and
 * {@code isolation.level=read_committed} (the sink writes transactionally).
 *
 * <pre>{@code
 * consumer.subscribe(List.of(Topics.CLEAN));
 * JsonlExport.run(consumer, new JsonlFileSink(dir, 64 << 20, Duration.ofMinutes(5), Clock.systemUTC()),
 *         Duration.ofMillis(500), () -> !stopping);
 * }</pre>
 */
public final class JsonlExport {
    private JsonlExport() {}

    /**
     * Polls and writes while {@code running} says so, then completes the last file, commits and returns the
     * number of records written. The sink is closed on return.
     */
    public static long run(
            Consumer<String, EnrichedArticle> consumer, JsonlFileSink sink, Duration poll, BooleanSupplier running)
            throws IOException {
        long written = 0;
        try (sink) {
            long rolls = sink.rolls();
            while (running.getAsBoolean()) {
                for (ConsumerRecord<String, EnrichedArticle> r : consumer.poll(poll)) {
                    if (r.value() != null) {
                        sink.write(r.value());
                        written++;
                    }
                }
                sink.maybeRoll();
                if (sink.rolls() != rolls) {
                    sink.roll(); // the rest of this batch too, so the committed position is all in complete files
                    consumer.commitSync();
                    rolls = sink.rolls();
                }
            }
            sink.roll();
            consumer.commitSync();
        }
        return written;
    }
}
