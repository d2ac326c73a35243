package dev.warta.app.platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Clean shutdown on Ctrl-C / SIGTERM: {@link #await()} returns when the JVM is asked to stop, and the shutdown hook
 * waits until {@link #close()} says everything is closed. Open it first in a try-with-resources so it closes last.
 */
public final class Lifecycle implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;

    private Lifecycle() {
        hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        closed.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "warta-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static Lifecycle install() {
        return new Lifecycle();
    }

    /** Blocks until the process is asked to stop, or {@link #stop()} is called. */
    public void await() throws InterruptedException {
        stop.await();
    }

    /** Asks {@link #await()} to return (e.g. a bounded command that is done). */
    public void stop() {
        stop.countDown();
    }

    public boolean stopping() {
        return stop.getCount() == 0;
    }

    @Override
    public void close() {
        closed.countDown();
        stop.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that closed has been counted down
        }
    }
}
