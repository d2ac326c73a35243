package dev.warta.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Live counters of an ingest process, safe to read from any thread (export them as metrics).
 * {@code read} counts every item a source produced; each then ends in exactly one of {@code published} (new
 * articles), {@code updates} (known id, changed content), {@code repeats}, {@code skipped}, {@code deadLettered} or
 * {@code failed} (the sink could not write it). {@code refused} counts the dead letters of inputs refused for
 * safety (a fetch into the internal network, an inbox link pointing out of the inbox): reasons ending in
 * {@code -refused}.
 */
public final class IngestStats {
    public final AtomicLong files = new AtomicLong();
    public final AtomicLong read = new AtomicLong();
    public final AtomicLong published = new AtomicLong();
    public final AtomicLong updates = new AtomicLong();
    public final AtomicLong repeats = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
    public final AtomicLong deadLettered = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong refused = new AtomicLong();
    /** Why the last article could not be published (sink down, incompatible schema...), or null after a success. */
    public final AtomicReference<String> lastPublishFailure = new AtomicReference<>();

    /** The counters now. */
    public IngestSummary snapshot() {
        return new IngestSummary(
                files.get(),
                read.get(),
                published.get(),
                updates.get(),
                repeats.get(),
                skipped.get(),
                deadLettered.get(),
                failed.get());
    }
}
