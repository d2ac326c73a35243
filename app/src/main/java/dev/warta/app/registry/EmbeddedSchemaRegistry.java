package dev.warta.app.registry;

import com.sun.net.httpserver.HttpServer;
import dev.warta.ingest.http.ServerLimits;
import dev.warta.schemas.registry.SchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible schema registry inside the process: the JDK {@link HttpServer} on 127.0.0.1 serving the
 * Confluent REST API (AVRO only, BACKWARD_TRANSITIVE by default), schemas kept in the compacted {@code _schemas}
 * topic so ids and versions survive restarts. Any Confluent client (Java, kafkajs, confluent-kafka-python, kcat)
 * can use {@link #url()}.
 *
 * <p>{@code
 * try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafkaProps, 8081).start()) {
 *     AvroSerde<RawArticle> serde = AvroSerde.of(RawArticle.class, registry.url());
 * }
 * }
 *
 * <p>Port {@code 0} means any free port; a taken port falls back to a free one. One instance per cluster: two
 * registries writing to the same {@code _schemas} topic do not see each other's registrations until restarted.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    /** Confluent's default port. */
    public static final int DEFAULT_PORT = 8081;

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final RegistryStore store;
    private final int requestedPort;
    private String writeToken;
    private RegistryService service;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * A registry storing its schemas on the cluster {@code kafka} names ({@code bootstrap.servers} and any security
     * settings, passed through to the Kafka clients), to serve on {@code port} once {@link #start() started}.
     * Connects now: creates {@code _schemas} when missing; a cluster that cannot be reached within 30 s fails with a
     * {@link dev.warta.schemas.registry.RegistryException} (50001).
     */
    public EmbeddedSchemaRegistry(Properties kafka, int port) {
        this(new KafkaRegistryStore(kafka, STORE_TIMEOUT), port);
    }

    /** A registry on the given store (an {@link InMemoryRegistryStore} in tests). */
    public EmbeddedSchemaRegistry(RegistryStore store, int port) {
        this.store = store;
        this.requestedPort = port;
    }

    /**
     * The secret that requests changing the registry must carry (basic-auth password or bearer token): registering a
     * schema not yet under its subject, {@code PUT /config}, {@code DELETE /config/S}, {@code DELETE /subjects/S}.
     * Without one (the default) the registry refuses every change over HTTP with 403; in-process callers use
     * {@link #registry()}. Call before {@link #start()}.
     */
    public synchronized EmbeddedSchemaRegistry writeToken(String token) {
        this.writeToken = token;
        return this;
    }

    /** Rebuilds the state from the store, then serves; returns this. On failure the store is closed. */
    public synchronized EmbeddedSchemaRegistry start() {
        if (server != null) {
            return this;
        }
        try {
            service = new RegistryService(store);
            server = bind(requestedPort);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "warta-registry-" + instance + "-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", new RegistryHttpHandler(service, writeToken));
        server.start();
        LOG.info("schema registry serving {}", url());
        return this;
    }

    private static HttpServer bind(int port) {
        // the JDK server writes headers and body apart: without TCP_NODELAY each answer waits ~40 ms (Nagle + delayed
        // ACK). Read once, when the first HttpServer of the JVM is made; an explicit setting wins.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        ServerLimits.install();
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            try {
                return HttpServer.create(new InetSocketAddress(loopback, port), 64);
            } catch (BindException taken) {
                LOG.warn("port {} is taken, the schema registry takes a free port", port);
                return HttpServer.create(new InetSocketAddress(loopback, 0), 64);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the schema registry on 127.0.0.1:" + port, e);
        }
    }

    /** The URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public synchronized String url() {
        if (server == null) {
            throw new IllegalStateException("the schema registry is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The port served. */
    public synchronized int port() {
        return server.getAddress().getPort();
    }

    /** The registry itself, for in-process callers that need no HTTP. */
    public synchronized SchemaRegistry registry() {
        if (service == null) {
            throw new IllegalStateException("the schema registry is not started");
        }
        return service;
    }

    /** Stops serving and closes the store. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
        store.close();
    }
}
