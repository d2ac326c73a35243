package dev.warta.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every route of the embedded registry over real loopback HTTP, with Confluent's shapes and error codes. */
class EmbeddedSchemaRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Schema PING_V1 = SchemaBuilder.record("Ping")
            .namespace("test")
            .fields()
            .requiredString("text")
            .endRecord();
    private static final Schema PING_V2 = SchemaBuilder.record("Ping")
            .namespace("test")
            .fields()
            .requiredString("text")
            .name("count")
            .type()
            .intType()
            .intDefault(0)
            .endRecord();
    private static final Schema PING_BREAKING = SchemaBuilder.record("Ping")
            .namespace("test")
            .fields()
            .requiredString("text")
            .requiredLong("sequence")
            .endRecord();

    private final InMemoryRegistryStore store = new InMemoryRegistryStore();
    private EmbeddedSchemaRegistry registry;
    private String url;

    private record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        int errorCode() throws IOException {
            return json().path("error_code").asInt();
        }
    }

    private static final String TOKEN = "s3cret-write-token";

    @Test
    void shouldRefuseChangesWithoutTheWriteTokenAndKeepServingReads() throws Exception {
        int id = register("pings-value", PING_V1);
        for (String auth : new String[] {
            null, "Bearer wrong", "Basic " + java.util.Base64.getEncoder().encodeToString("x:wrong".getBytes())
        }) {
            assertError(call("PUT", "/config", "{\"compatibility\":\"NONE\"}", auth), 403, 40301);
            assertError(call("PUT", "/config/pings-value", "{\"compatibility\":\"NONE\"}", auth), 403, 40301);
            assertError(call("DELETE", "/subjects/pings-value", null, auth), 403, 40301);
            assertError(call("POST", "/subjects/pings-value/versions", schemaBody(PING_V2), auth), 403, 40301);
            assertError(call("POST", "/subjects/foreign-value/versions", schemaBody(PING_V1), auth), 403, 40301);
        }
        // reads, lookups, checks and registering what is already there need no token
        assertThat(call("POST", "/subjects/pings-value/versions", schemaBody(PING_V1), null)
                        .json()
                        .get("id")
                        .asInt())
                .isEqualTo(id);
        assertThat(call("POST", "/subjects/pings-value", schemaBody(PING_V1), null)
                        .status())
                .isEqualTo(200);
        assertThat(call("POST", "/compatibility/subjects/pings-value/versions/latest", schemaBody(PING_V2), null)
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/config", null, null)
                        .json()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(call("GET", "/subjects", null, null).body()).isEqualTo("[\"pings-value\"]");
        // the token as basic-auth password (any user) is accepted
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("warta:" + TOKEN).getBytes());
        assertThat(call("POST", "/subjects/pings-value/versions", schemaBody(PING_V2), basic)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseEveryChangeWhenNoWriteTokenIsConfigured() throws Exception {
        try (EmbeddedSchemaRegistry open = new EmbeddedSchemaRegistry(new InMemoryRegistryStore(), 0).start()) {
            url = open.url();
            assertError(call("POST", "/subjects/pings-value/versions", schemaBody(PING_V1)), 403, 40301);
            assertError(call("PUT", "/config", "{\"compatibility\":\"NONE\"}"), 403, 40301);
            assertThat(open.registry().register("pings-value", PING_V1))
                    .as("in-process registration still works")
                    .isPositive();
        } finally {
            url = registry.url();
        }
    }

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry(store, 0).writeToken(TOKEN).start();
        url = registry.url();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private Answer call(String method, String path, String body) throws IOException, InterruptedException {
        return call(method, path, body, "Bearer " + TOKEN);
    }

    private Answer call(String method, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    private static String schemaBody(Schema schema) {
        return schemaBody(schema.toString());
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    private int register(String subject, Schema schema) throws Exception {
        Answer a = call("POST", "/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().get("id").asInt();
    }

    @Test
    void rootAndSchemaTypes() throws Exception {
        Answer root = call("GET", "/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().isObject()).isTrue();
        assertThat(root.json().size()).isZero();
        assertThat(root.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(call("GET", "/schemas/types", null).json().toString()).isEqualTo("[\"AVRO\"]");
    }

    @Test
    void registrationAnswersAGlobalIdSharedByEqualSchemas() throws Exception {
        Answer first = call("POST", "/subjects/pings-value/versions", schemaBody(PING_V1));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().size()).as("only the id").isEqualTo(1);
        int id = first.json().get("id").asInt();

        assertThat(register("pings-value", PING_V1)).as("idempotent").isEqualTo(id);
        assertThat(register("other-value", PING_V1))
                .as("same schema, other subject")
                .isEqualTo(id);
        assertThat(register("pings-value", PING_V2)).isNotEqualTo(id);

        assertThat(call("GET", "/subjects", null).json().toString()).isEqualTo("[\"other-value\",\"pings-value\"]");
        assertThat(call("GET", "/subjects/pings-value/versions", null).json().toString())
                .isEqualTo("[1,2]");
        assertThat(call("GET", "/subjects/other-value/versions", null).json().toString())
                .isEqualTo("[1]");
        JsonNode usedBy = call("GET", "/schemas/ids/" + id + "/versions", null).json();
        assertThat(usedBy.toString())
                .isEqualTo("[{\"subject\":\"pings-value\",\"version\":1},{\"subject\":\"other-value\",\"version\":1}]");
        assertThat(call("GET", "/schemas/ids/" + id + "/subjects", null).json().toString())
                .isEqualTo("[\"pings-value\",\"other-value\"]");
    }

    @Test
    void versionsAndSchemasAreServedInConfluentsShapes() throws Exception {
        int id1 = register("pings-value", PING_V1);
        int id2 = register("pings-value", PING_V2);

        JsonNode v1 = call("GET", "/subjects/pings-value/versions/1", null).json();
        assertThat(fieldNames(v1)).containsExactly("subject", "version", "id", "schema");
        assertThat(v1.get("subject").asText()).isEqualTo("pings-value");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("id").asInt()).isEqualTo(id1);
        assertThat(new Schema.Parser().parse(v1.get("schema").asText())).isEqualTo(PING_V1);

        JsonNode latest =
                call("GET", "/subjects/pings-value/versions/latest", null).json();
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(id2);
        assertThat(call("GET", "/subjects/pings-value/versions/-1", null).json())
                .isEqualTo(latest);

        Answer raw = call("GET", "/subjects/pings-value/versions/1/schema", null);
        assertThat(new Schema.Parser().parse(raw.body())).isEqualTo(PING_V1);
        assertThat(call("GET", "/schemas/ids/" + id2 + "/schema", null).body()).isEqualTo(PING_V2.toString());

        JsonNode byId = call("GET", "/schemas/ids/" + id2, null).json();
        assertThat(fieldNames(byId)).containsExactly("schema");
        assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(PING_V2);
        assertThat(call("GET", "/subjects/pings-value/versions/1/referencedby", null)
                        .json()
                        .toString())
                .isEqualTo("[]");
    }

    @Test
    void lookupFindsTheRegisteredVersion() throws Exception {
        int id = register("pings-value", PING_V1);
        register("pings-value", PING_V2);

        Answer found = call("POST", "/subjects/pings-value", schemaBody(PING_V1));
        assertThat(found.status()).isEqualTo(200);
        assertThat(fieldNames(found.json())).containsExactly("subject", "version", "id", "schema");
        assertThat(found.json().get("version").asInt()).isEqualTo(1);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);

        Answer unknownSchema = call("POST", "/subjects/pings-value", schemaBody(PING_BREAKING));
        assertThat(unknownSchema.status()).isEqualTo(404);
        assertThat(unknownSchema.errorCode()).isEqualTo(40403);
        Answer unknownSubject = call("POST", "/subjects/nobody-value", schemaBody(PING_V1));
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);
    }

    @Test
    void missingThingsAnswerConfluentsNotFoundCodes() throws Exception {
        register("pings-value", PING_V1);

        assertError(call("GET", "/subjects/nobody-value/versions", null), 404, 40401);
        assertError(call("GET", "/subjects/nobody-value/versions/latest", null), 404, 40401);
        assertError(call("GET", "/subjects/pings-value/versions/7", null), 404, 40402);
        assertError(call("GET", "/schemas/ids/4242", null), 404, 40403);
        assertError(call("GET", "/schemas/ids/4242/versions", null), 404, 40403);
        assertError(call("GET", "/subjects/pings-value/versions/0", null), 422, 42202);
        assertError(call("GET", "/subjects/pings-value/versions/first", null), 422, 42202);
        assertError(call("GET", "/no/such/route", null), 404, 404);
        assertError(call("DELETE", "/schemas/types", null), 405, 405);
        Answer error = call("GET", "/subjects/nobody-value/versions", null);
        assertThat(fieldNames(error.json())).containsExactly("error_code", "message");
        assertThat(error.json().get("message").asText()).contains("nobody-value");
    }

    @Test
    void invalidOrNonAvroSchemasAreRejectedAs42201() throws Exception {
        Answer broken = call("POST", "/subjects/x-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"record\\\"\"}");
        assertError(broken, 422, 42201);
        Answer unknownType =
                call("POST", "/subjects/x-value/versions", "{\"schema\":\"{\\\"type\\\":\\\"tuple\\\"}\"}");
        assertError(unknownType, 422, 42201);
        Answer proto = call(
                "POST",
                "/subjects/x-value/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; message Ping { string text = 1; }\"}");
        assertError(proto, 422, 42201);
        assertThat(proto.json().get("message").asText()).contains("PROTOBUF").contains("AVRO");
        assertError(call("POST", "/subjects/x-value/versions", "{}"), 422, 42201);
        String deep = "\"string\"";
        for (int i = 0; i < 3000; i++) {
            deep = "{\"type\":\"array\",\"items\":" + deep + "}";
        }
        assertError(call("POST", "/subjects/x-value/versions", schemaBody(deep)), 422, 42201);
        assertError(call("POST", "/subjects/x-value/versions", "not json"), 400, 400);
        Answer avro = call(
                "POST",
                "/subjects/x-value/versions",
                "{\"schemaType\":\"AVRO\",\"schema\":" + JSON.writeValueAsString(PING_V1.toString()) + "}");
        assertThat(avro.status()).isEqualTo(200);
        assertThat(call("GET", "/subjects", null).json().toString()).isEqualTo("[\"x-value\"]");
    }

    @Test
    void incompatibleSchemaIsRefusedWith409AndCompatibilityIsReported() throws Exception {
        register("pings-value", PING_V1);

        assertError(call("POST", "/subjects/pings-value/versions", schemaBody(PING_BREAKING)), 409, 409);
        assertThat(call("GET", "/subjects/pings-value/versions", null).json().toString())
                .isEqualTo("[1]");

        Answer no = call(
                "POST", "/compatibility/subjects/pings-value/versions/latest?verbose=true", schemaBody(PING_BREAKING));
        assertThat(no.status()).isEqualTo(200);
        assertThat(no.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(no.json().get("messages").get(0).asText()).contains("sequence");
        Answer yes = call("POST", "/compatibility/subjects/pings-value/versions/latest", schemaBody(PING_V2));
        assertThat(yes.json().toString()).isEqualTo("{\"is_compatible\":true}");
        Answer against1 = call("POST", "/compatibility/subjects/pings-value/versions/1", schemaBody(PING_V2));
        assertThat(against1.json().get("is_compatible").asBoolean()).isTrue();
        Answer fresh = call("POST", "/compatibility/subjects/nobody-value/versions/latest", schemaBody(PING_BREAKING));
        assertThat(fresh.json().get("is_compatible").asBoolean())
                .as("nothing to break")
                .isTrue();
    }

    @Test
    void backwardTransitiveIsEnforcedByDefault() throws Exception {
        Schema v1 = SchemaBuilder.record("Doc").fields().requiredInt("x").endRecord();
        Schema v2 = SchemaBuilder.record("Doc").fields().endRecord();
        Schema v3 = SchemaBuilder.record("Doc")
                .fields()
                .name("x")
                .type()
                .stringType()
                .stringDefault("")
                .endRecord();
        register("doc-value", v1);
        register("doc-value", v2);

        assertThat(call("GET", "/config", null).json().toString())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
        assertError(call("POST", "/subjects/doc-value/versions", schemaBody(v3)), 409, 409);

        Answer set = call("PUT", "/config/doc-value", "{\"compatibility\":\"BACKWARD\"}");
        assertThat(set.json().toString()).isEqualTo("{\"compatibility\":\"BACKWARD\"}");
        assertThat(register("doc-value", v3)).isPositive();
    }

    @Test
    void configIsGlobalWithPerSubjectOverrides() throws Exception {
        assertError(call("GET", "/config/pings-value", null), 404, 40408);
        assertThat(call("GET", "/config/pings-value?defaultToGlobal=true", null)
                        .json()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("BACKWARD_TRANSITIVE");

        assertThat(call("PUT", "/config", "{\"compatibility\":\"FULL\"}").status())
                .isEqualTo(200);
        assertThat(call("PUT", "/config/pings-value", "{\"compatibility\":\"NONE\"}")
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/config", null).json().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(call("GET", "/config/pings-value", null)
                        .json()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertError(call("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}"), 422, 42203);

        assertThat(call("DELETE", "/config/pings-value", null)
                        .json()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("NONE");
        assertError(call("GET", "/config/pings-value", null), 404, 40408);
    }

    @Test
    void deletedSubjectDisappearsAndComesBackWithTheSameId() throws Exception {
        int id = register("pings-value", PING_V1);
        register("pings-value", PING_V2);

        assertThat(call("DELETE", "/subjects/pings-value", null).json().toString())
                .isEqualTo("[1,2]");
        assertThat(call("GET", "/subjects", null).json().toString()).isEqualTo("[]");
        assertThat(call("GET", "/subjects?deleted=true", null).json().toString())
                .isEqualTo("[\"pings-value\"]");
        assertError(call("GET", "/subjects/pings-value/versions", null), 404, 40401);
        assertError(call("DELETE", "/subjects/pings-value", null), 404, 40401);
        assertThat(call("GET", "/schemas/ids/" + id, null).status())
                .as("ids stay resolvable")
                .isEqualTo(200);

        assertThat(register("pings-value", PING_BREAKING))
                .as("deleted versions no longer constrain")
                .isPositive();
        assertThat(register("pings-value", PING_V1)).isEqualTo(id);
        assertThat(call("GET", "/subjects/pings-value/versions", null).json().toString())
                .isEqualTo("[3,4]");
    }

    @Test
    void restartOnTheSameStoreKeepsIdsVersionsAndConfig() throws Exception {
        int id1 = register("pings-value", PING_V1);
        int id2 = register("pings-value", PING_V2);
        call("PUT", "/config/pings-value", "{\"compatibility\":\"FULL\"}");
        registry.close();

        registry = new EmbeddedSchemaRegistry(store, 0).writeToken(TOKEN).start();
        url = registry.url();

        assertThat(register("pings-value", PING_V1)).isEqualTo(id1);
        assertThat(call("GET", "/subjects/pings-value/versions/latest", null)
                        .json()
                        .get("id")
                        .asInt())
                .isEqualTo(id2);
        assertThat(call("GET", "/config/pings-value", null)
                        .json()
                        .get("compatibilityLevel")
                        .asText())
                .isEqualTo("FULL");
        assertThat(register("other-value", PING_BREAKING)).isGreaterThan(id2);
    }

    @Test
    void takenPortFallsBackToAFreeOne() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (EmbeddedSchemaRegistry second =
                    new EmbeddedSchemaRegistry(new InMemoryRegistryStore(), taken.getLocalPort()).start()) {
                assertThat(second.port()).isNotEqualTo(taken.getLocalPort());
                assertThat(second.url()).startsWith("http://127.0.0.1:");
                HttpResponse<String> r = HTTP.send(
                        HttpRequest.newBuilder(URI.create(second.url() + "/subjects"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).isEqualTo("[]");
            }
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctConsecutiveIds() throws Exception {
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Schema s = SchemaBuilder.record("R" + i)
                        .fields()
                        .requiredString("f")
                        .endRecord();
                String subject = "s" + i + "-value";
                ids.add(pool.submit(() -> register(subject, s)));
            }
            Set<Integer> distinct = new HashSet<>();
            for (Future<Integer> f : ids) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(n).allSatisfy(id -> assertThat(id).isBetween(1, n));
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.entries()).hasSize(n);
    }

    @Test
    void storeFailureAnswers50001AndChangesNothing() throws Exception {
        RegistryStore failing = new RegistryStore() {
            @Override
            public void replay(java.util.function.Consumer<dev.warta.schemas.registry.RegistryCatalog.Entry> sink) {}

            @Override
            public void append(List<? extends dev.warta.schemas.registry.RegistryCatalog.Entry> entries) {
                throw new dev.warta.schemas.registry.RegistryException(
                        50001, 500, "Error while registering: broker down");
            }
        };
        registry.close();
        registry = new EmbeddedSchemaRegistry(failing, 0).writeToken(TOKEN).start();
        url = registry.url();

        assertError(call("POST", "/subjects/pings-value/versions", schemaBody(PING_V1)), 500, 50001);
        assertError(call("PUT", "/config", "{\"compatibility\":\"NONE\"}"), 500, 50001);
        assertThat(call("GET", "/subjects", null).body()).isEqualTo("[]");
        assertThat(call("GET", "/config", null).json().get("compatibilityLevel").asText())
                .isEqualTo("BACKWARD_TRANSITIVE");
    }

    private static void assertError(Answer a, int status, int code) throws IOException {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.errorCode()).as(a.body()).isEqualTo(code);
        assertThat(a.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
