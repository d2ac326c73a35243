package dev.warta.app.cli;

import dev.warta.app.platform.Lifecycle;
import dev.warta.app.platform.Platform;
import dev.warta.app.review.Review;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code warta review}: the review page against any cluster. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = "Serve the review page (clean articles with what was cut, entities, languages and duplicates; "
                + "the accounting; dead letters) for a cluster's warta topics. Read-only; Ctrl-C stops.")
public final class ReviewCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Mixin
    ReviewOptions review;

    @Override
    public Integer call() throws Exception {
        if (review.reviewPort != null && review.reviewPort < 0) {
            throw new IllegalArgumentException("--review-port -1 turns the page off: nothing left to do");
        }
        try (Lifecycle life = Lifecycle.install();
                Platform platform = Platform.open(cluster.config(), false);
                Review page = review.start(platform)) {
            System.out.println("Review page:     " + page.url());
            System.err.println("running; Ctrl-C to stop");
            life.await();
        }
        return 0;
    }
}
