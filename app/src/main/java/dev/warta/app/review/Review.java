package dev.warta.app.review;

import dev.warta.app.platform.Platform;

/** The review page of a {@link Platform}: its model, the feed that fills it and the HTTP server. Closing stops both. */
public final class Review implements AutoCloseable {
    private final ReviewFeed feed;
    private final ReviewServer server;

    private Review(ReviewFeed feed, ReviewServer server) {
        this.feed = feed;
        this.server = server;
    }

    /** Follows {@code platform}'s topics and serves the page on {@code bind}:{@code port} (see {@link ReviewServer}). */
    public static Review start(Platform platform, String bind, int port, boolean fallback) {
        ReviewModel model = new ReviewModel();
        ReviewFeed feed = ReviewFeed.start(platform, model);
        try {
            return new Review(feed, ReviewServer.start(model, feed, bind, port, fallback));
        } catch (RuntimeException e) {
            try {
                feed.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8088/}. */
    public String url() {
        return server.url();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        feed.close();
    }
}
