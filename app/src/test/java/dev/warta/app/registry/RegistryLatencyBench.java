package dev.warta.app.registry;

import dev.warta.app.platform.EmbeddedKafka;
import dev.warta.schemas.registry.RegistryException;
import dev.warta.schemas.registry.RestSchemaRegistryClient;
import dev.warta.schemas.registry.SchemaRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * Latency of the embedded registry over loopback HTTP: registrations (each written to {@code _schemas} with
 * acks=all and awaited), schema-by-id fetches, lookups; and how long a client takes to give up on a registry that
 * is down. Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -q -o -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp-app-registry.txt
 * java -cp app/target/test-classes:app/target/classes:$(cat /tmp/cp-app-registry.txt) \
 *     dev.warta.app.registry.RegistryLatencyBench [kafka|memory] [registrations]
 * </pre>
 */
public final class RegistryLatencyBench {
    private RegistryLatencyBench() {}

    public static void main(String[] args) throws Exception {
        boolean kafka = args.length == 0 || args[0].equals("kafka");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("warta-registry-bench");
        EmbeddedKafka broker = kafka ? EmbeddedKafka.start(dir, 0) : null;
        try {
            Properties client = new Properties();
            RegistryStore store;
            if (broker != null) {
                client.put("bootstrap.servers", broker.bootstrapServers());
                store = new KafkaRegistryStore(client, Duration.ofSeconds(30));
            } else {
                store = new InMemoryRegistryStore();
            }
            try (EmbeddedSchemaRegistry registry =
                    new EmbeddedSchemaRegistry(store, 0).writeToken("bench").start()) {
                run(registry.url().replace("http://", "http://warta:bench@"), n, kafka ? "kafka" : "memory");
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
        downRegistry();
    }

    private static void run(String url, int n, String store) throws Exception {
        Schema[] schemas = new Schema[n];
        for (int i = 0; i < n; i++) {
            schemas[i] = SchemaBuilder.record("Bench" + i)
                    .namespace("bench")
                    .fields()
                    .requiredString("text")
                    .optionalLong("n" + i)
                    .endRecord();
        }
        // warm-up on separate subjects (each client keeps its connection; registrations are not cached across subjects)
        SchemaRegistry warm = new RestSchemaRegistryClient(url, Duration.ofSeconds(10), 0);
        for (int i = 0; i < 50; i++) {
            warm.register(
                    "warm-" + i,
                    SchemaBuilder.record("Warm" + i).fields().requiredInt("x").endRecord());
        }
        long[] register = new long[n];
        int[] ids = new int[n];
        SchemaRegistry writer = new RestSchemaRegistryClient(url, Duration.ofSeconds(10), 0);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            ids[i] = writer.register("bench-" + i + "-value", schemas[i]);
            register[i] = System.nanoTime() - t;
        }
        HttpClient http = HttpClient.newHttpClient();
        long[] byId = new long[n * 5];
        for (int i = 0; i < byId.length; i++) {
            HttpRequest get = HttpRequest.newBuilder(URI.create(url + "/schemas/ids/" + ids[i % n]))
                    .build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
            byId[i] = System.nanoTime() - t;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.body());
            }
        }
        long[] lookup = new long[n];
        SchemaRegistry reader = new RestSchemaRegistryClient(url, Duration.ofSeconds(10), 0);
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            reader.lookup("bench-" + i + "-value", schemas[i]);
            lookup[i] = System.nanoTime() - t;
        }
        print("register (" + store + " store)", register);
        print("GET /schemas/ids/{id}", byId);
        print("lookup POST /subjects/{s}", lookup);
    }

    private static void downRegistry() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SchemaRegistry down = dev.warta.schemas.registry.SchemaRegistries.open("http://127.0.0.1:" + port);
        long t = System.nanoTime();
        try {
            down.getById(1);
        } catch (RegistryException e) {
            System.out.printf(
                    "registry down (default client, %d retries): RegistryException(%d) after %.0f ms%n",
                    dev.warta.schemas.registry.SchemaRegistries.DEFAULT_RETRIES,
                    e.errorCode(),
                    (System.nanoTime() - t) / 1e6);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-34s n=%-5d p50=%6.2f ms  p99=%6.2f ms  max=%6.2f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }
}
