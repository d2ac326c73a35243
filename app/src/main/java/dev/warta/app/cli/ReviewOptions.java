package dev.warta.app.cli;

import dev.warta.app.platform.Platform;
import dev.warta.app.review.Review;
import picocli.CommandLine.Option;

/** Where the review page is served. */
public class ReviewOptions {
    /** The review page's port when none is given. */
    public static final int DEFAULT_PORT = 8088;

    @Option(
            names = "--review-port",
            paramLabel = "PORT",
            description = "Serve the review page on PORT (default: 8088, or a free port when 8088 is taken; 0: a free "
                    + "port; -1: off).")
    public Integer reviewPort;

    @Option(
            names = "--review-bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "Address the review page binds to (default: ${DEFAULT-VALUE}; the page has no login, so "
                    + "bind it elsewhere only behind something that has).")
    public String reviewBind = "127.0.0.1";

    /** Starts the review page on {@code platform}, or returns null when it is off. */
    public Review start(Platform platform) {
        if (reviewPort != null && reviewPort < 0) {
            return null;
        }
        int port = reviewPort != null ? reviewPort : DEFAULT_PORT;
        return Review.start(platform, reviewBind, port, reviewPort == null);
    }
}
