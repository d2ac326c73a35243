package dev.warta.app.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process single-node KRaft Kafka broker (broker and controller combined) on 127.0.0.1, with a persistent
 * data directory: a restart on the same directory keeps every topic and record. All of warta's broker-internal code
 * lives in this class.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final Path dataDir;
    private final int port;
    private final KafkaRaftServer server;
    private volatile boolean stopped;

    private EmbeddedKafka(Path dataDir, int port, KafkaRaftServer server) {
        this.dataDir = dataDir;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a broker with its log in {@code dataDir/kafka}, listening on {@code preferredPort} or, when that port
     * is taken (or 0), on a free one. Formats the storage on first use.
     */
    public static EmbeddedKafka start(Path dataDir, int preferredPort) {
        try {
            Path logDir = dataDir.toAbsolutePath().resolve("kafka");
            Files.createDirectories(logDir);
            int port = portOrFree(preferredPort);
            int controllerPort = portOrFree(0);
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", logDir.toString());
            p.put("num.partitions", "3");
            p.put("default.replication.factor", "1");
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "3");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "3");
            // a process killed mid-transaction leaves it open, and a restarted stateless Streams app (a new process id,
            // so a new transactional id) does not fence it: the coordinator must abort it once its timeout (10 s for
            // Streams) has passed. Checking every second instead of every 10 s lets records flow again sooner.
            p.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "false");
            p.put("message.max.bytes", String.valueOf(32 * 1024 * 1024));
            p.put("replica.fetch.max.bytes", String.valueOf(32 * 1024 * 1024));
            p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
            p.put("unstable.api.versions.enable", "false");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(p, logDir);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
            server.startup();
            LOG.info("Kafka broker up on 127.0.0.1:{} (data in {})", port, logDir);
            return new EmbeddedKafka(dataDir, port, server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded broker in " + dataDir, e);
        }
    }

    private static void format(Properties p, Path logDir) throws IOException {
        Path config = Files.createTempFile("warta-kraft", ".properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            p.store(out, "warta embedded broker");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            int rc = StorageTool.execute(
                    new String[] {
                        "format",
                        "--config",
                        config.toString(),
                        "--cluster-id",
                        Uuid.randomUuid().toString()
                    },
                    print);
            if (rc != 0) {
                throw new IOException("formatting " + logDir + " failed: "
                        + buffer.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (Exception e) {
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("formatting " + logDir + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** {@code preferred} when it can be bound on 127.0.0.1, else a free port. */
    public static int portOrFree(int preferred) {
        if (preferred > 0) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("127.0.0.1", preferred));
                return preferred;
            } catch (IOException taken) {
                LOG.info("port {} is taken, using a free one", preferred);
            }
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    /** {@code host:port} for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker cleanly and waits for it. Idempotent. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker on 127.0.0.1:{} stopped", port);
    }
}
