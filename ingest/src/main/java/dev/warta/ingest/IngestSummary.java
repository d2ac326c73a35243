package dev.warta.ingest;

/** Counters of a run (see {@link IngestStats}); {@link #toString()} is a one-line summary for humans. */
public record IngestSummary(
        long files,
        long read,
        long published,
        long updates,
        long repeats,
        long skipped,
        long deadLettered,
        long failed) {

    /** The difference {@code this - before}, for the counts of one run of a long-lived service. */
    public IngestSummary minus(IngestSummary before) {
        return new IngestSummary(
                files - before.files,
                read - before.read,
                published - before.published,
                updates - before.updates,
                repeats - before.repeats,
                skipped - before.skipped,
                deadLettered - before.deadLettered,
                failed - before.failed);
    }

    @Override
    public String toString() {
        return String.format(
                "files=%d read=%d published=%d updates=%d repeats=%d skipped=%d dead-lettered=%d failed=%d",
                files, read, published, updates, repeats, skipped, deadLettered, failed);
    }
}
