package dev.warta.app.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, drawn only when attached to a terminal. */
public final class ProgressBar {
    private final String label;
    private final PrintStream out;
    private final boolean tty;
    private final long startNanos = System.nanoTime();

    public ProgressBar(String label) {
        this(label, System.err, System.console() != null);
    }

    ProgressBar(String label, PrintStream out, boolean tty) {
        this.label = label;
        this.out = out;
        this.tty = tty;
    }

    /** Redraws the bar for {@code done} of {@code total}. */
    public void update(long done, long total) {
        if (!tty) {
            return;
        }
        double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        int width = 30;
        int filled = (int) Math.round(fraction * width);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        out.printf(
                "\r%s [%s%s] %d/%d %3.0f%% %.0f/s",
                label, "#".repeat(filled), ".".repeat(width - filled), done, total, fraction * 100, rate);
        out.flush();
    }

    /** Ends the bar's line. */
    public void finish() {
        if (tty) {
            out.println();
        }
    }
}
