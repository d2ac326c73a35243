package dev.warta.app.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A stage running in its own JVM, started with the test class path; killed with SIGKILL or stopped with SIGTERM. */
final class StageProcess implements AutoCloseable {
    /** Consumer settings that let the group notice a killed member within seconds instead of 45 s. */
    static final List<String> FAST_FAILOVER = List.of("session.timeout.ms=6000", "heartbeat.interval.ms=1500");

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    private StageProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    /** {@code warta enrich} through the real CLI. */
    static StageProcess enrich(String name, String bootstrap, String registryUrl, Path dataDir) {
        return new StageProcess(
                name, java(cli("enrich", bootstrap, registryUrl, dataDir)), dataDir.resolve(name + ".log"));
    }

    /** {@code warta sink} through the real CLI. */
    static StageProcess sink(String name, String bootstrap, String registryUrl, Path dataDir) {
        return new StageProcess(
                name, java(cli("sink", bootstrap, registryUrl, dataDir)), dataDir.resolve(name + ".log"));
    }

    /**
     * A whole pipeline in one JVM, as {@code warta run} has it (embedded broker on {@code brokerPort}, registry on
     * {@code registryPort}, enrich and sink, the progress watch), on {@code dataDir}: see {@link PipelineMain}.
     */
    static StageProcess pipeline(String name, Path dataDir, int brokerPort, int registryPort, String token) {
        List<String> cmd = new ArrayList<>(java(List.of(
                PipelineMain.class.getName(),
                dataDir.toString(),
                Integer.toString(brokerPort),
                Integer.toString(registryPort),
                token)));
        cmd.replaceAll(a -> a.equals("-Xmx256m") ? "-Xmx512m" : a); // a broker and both stages in this one
        return new StageProcess(name, cmd, dataDir.resolve(name + ".log"));
    }

    private static List<String> cli(String stage, String bootstrap, String registryUrl, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "dev.warta.app.Warta",
                stage,
                "--bootstrap-servers",
                bootstrap,
                "--registry-url",
                registryUrl,
                "--data-dir",
                dataDir.toString()));
        for (String kv : FAST_FAILOVER) {
            args.add("-k");
            args.add(kv);
        }
        return args;
    }

    private static List<String> java(List<String> mainAndArgs) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.warta,java.lang,java.util,java.math,org.apache.avro",
                "-cp",
                cp));
        cmd.addAll(mainAndArgs);
        return cmd;
    }

    StageProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /**
     * Waits until the process's Kafka Streams application reports RUNNING in its log (a readiness check: the log is
     * re-read every 100 ms); false when the process died or {@code timeout} passed.
     */
    boolean awaitRunning(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && alive()) {
            if (Files.exists(log) && Files.readString(log).contains("-> RUNNING")) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    /** Waits until {@code marker} occurs {@code times} times in the log (re-read every 100 ms); false when the process died. */
    boolean awaitMarker(String marker, int times, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && alive()) {
            if (Files.exists(log)) {
                String text = Files.readString(log);
                int n = 0;
                for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
                    n++;
                }
                if (n >= times) {
                    return true;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return false;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String name() {
        return name;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
