package dev.warta.app.cli;

import dev.warta.ingest.IngestLimits;
import dev.warta.ingest.IngestService;
import dev.warta.ingest.fetch.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Ingest settings shared by {@code warta ingest} and {@code warta run}. */
public class IngestOptions {
    @Option(names = "--feed", paramLabel = "URL|FILE", description = "RSS/Atom feed to poll (repeatable).")
    public List<String> feeds = new ArrayList<>();

    @Option(
            names = "--poll-interval",
            defaultValue = "PT5M",
            paramLabel = "DURATION",
            description = "Feed poll interval, ISO-8601 (default: ${DEFAULT-VALUE}).")
    public Duration pollInterval = Duration.ofMinutes(5);

    @Option(
            names = "--watch",
            paramLabel = "DIR",
            description = "Inbox directory: files that appear are ingested, then moved to done/ or failed/.")
    public Path watch;

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            description = "Serve POST /articles on this port (0: a free one).")
    public Integer httpPort;

    @Option(
            names = "--http-bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDR",
            description = "Address the HTTP endpoint binds to (default: ${DEFAULT-VALUE}).")
    public String httpBind = "127.0.0.1";

    @Option(
            names = "--max-page-bytes",
            defaultValue = "10485760",
            description = "Largest page accepted (default: ${DEFAULT-VALUE}).")
    public long maxPageBytes = 10L * 1024 * 1024;

    @Option(
            names = "--allow-fetch",
            split = ",",
            paramLabel = "CIDR|HOST",
            description = "Also fetch feed items and feeds from these internal addresses (CIDR, address, host name or "
                    + "*.domain; repeatable or comma-separated). By default only public addresses are fetched.")
    public List<String> allowFetch = new ArrayList<>();

    /** The limits these options ask for, with the fetch policy of {@code --allow-fetch}. */
    public IngestLimits limits() {
        return IngestLimits.defaults()
                .withMaxPageBytes(maxPageBytes)
                .withFetchPolicy(FetchPolicy.publicOnly().allowing(allowFetch));
    }

    /** The ingest service's settings: these options, reading {@code paths} first. */
    public IngestService.Options config(List<Path> paths) {
        IngestService.Options o = IngestService.Options.defaults();
        return new IngestService.Options(
                List.copyOf(paths),
                List.copyOf(feeds),
                pollInterval,
                watch,
                httpPort,
                httpBind,
                limits(),
                o.fetchPages(),
                o.sinkTimeout());
    }

    /** True when ingest keeps running after the bulk paths (feeds, inbox or HTTP). */
    public boolean continuous() {
        return !feeds.isEmpty() || watch != null || httpPort != null;
    }
}
