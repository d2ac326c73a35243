package dev.warta.app.cli;

import dev.warta.app.metrics.Metrics;
import dev.warta.app.metrics.MetricsServer;
import picocli.CommandLine.Option;

/** Where a long-running command serves {@code /metrics} (Prometheus) and {@code /health}, on 127.0.0.1. */
public class MetricsOptions {
    @Option(
            names = "--metrics-port",
            defaultValue = "0",
            paramLabel = "PORT",
            description =
                    "Serve /metrics and /health on 127.0.0.1:PORT (0: a free port, -1: off; default: ${DEFAULT-VALUE}).")
    public int metricsPort = 0;

    /** Starts the server for {@code metrics} (null when off) and says where on stderr. */
    public MetricsServer serve(Metrics metrics) {
        if (metricsPort < 0) {
            return null;
        }
        MetricsServer server = MetricsServer.start(metrics, metricsPort);
        System.err.println("metrics: http://127.0.0.1:" + server.port() + "/metrics  health: http://127.0.0.1:"
                + server.port() + "/health");
        return server;
    }
}
