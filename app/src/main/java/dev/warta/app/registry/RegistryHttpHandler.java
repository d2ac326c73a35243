package dev.warta.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.warta.schemas.registry.RegistryCatalog;
import dev.warta.schemas.registry.RegistryException;
import dev.warta.schemas.registry.SchemaRegistry.RegisteredSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent Schema Registry REST routes over a {@link RegistryService}, with Confluent's JSON shapes and error
 * codes ({@code {"error_code":40401,"message":"..."}}). AVRO only. Requests that change the registry (registering a
 * schema not yet under the subject, {@code PUT /config}, {@code DELETE /config/S}, {@code DELETE /subjects/S}) need
 * the write token ({@code 403}, error code 40301, without it). Stateless: safe on any number of threads.
 */
final class RegistryHttpHandler implements HttpHandler {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final RegistryService service;
    private final byte[] writeToken;

    /** @param writeToken the secret that changes need (registrations of new schemas, config, deletes); null: none allowed */
    RegistryHttpHandler(RegistryService service, String writeToken) {
        this.service = service;
        this.writeToken =
                writeToken == null || writeToken.isEmpty() ? null : writeToken.getBytes(StandardCharsets.UTF_8);
    }

    /** An HTTP answer: status and body (JSON text, or a raw schema). */
    private record Answer(int status, String body) {
        static Answer ok(Object json) {
            return new Answer(
                    200, json instanceof String s ? s : JSON.valueToTree(json).toString());
        }
    }

    /** A request error with Confluent's code. */
    private static final class HttpError extends RuntimeException {
        final int status;
        final int code;

        HttpError(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try {
            answer = route(exchange);
        } catch (RegistryException e) {
            int status = e.httpStatus() > 0 ? e.httpStatus() : 500;
            answer = error(status, e.errorCode(), e.getMessage());
        } catch (HttpError e) {
            answer = error(e.status, e.code, e.getMessage());
        } catch (StackOverflowError e) {
            answer = error(422, RegistryException.INVALID_SCHEMA, "Invalid schema: nested too deeply");
        } catch (RuntimeException e) {
            LOG.warn("registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            answer = error(500, 50001, "Error in the backend data store: " + e);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Answer error(int status, int code, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", code).put("message", message);
        return new Answer(status, body.toString());
    }

    /** A parsed request: method, decoded path segments, query parameters. */
    private record Request(HttpExchange exchange, String method, List<String> p, Map<String, String> q) {
        int n() {
            return p.size();
        }

        boolean deleted() {
            return Boolean.parseBoolean(q.get("deleted"));
        }
    }

    private Answer route(HttpExchange exchange) throws IOException {
        Request r = new Request(
                exchange,
                exchange.getRequestMethod(),
                segments(exchange.getRequestURI().getRawPath()),
                query(exchange.getRequestURI().getRawQuery()));
        if (r.n() == 0) {
            return on(r.method(), "GET", () -> Answer.ok(JSON.createObjectNode()));
        }
        Answer a = switch (r.p().get(0)) {
            case "schemas" -> schemas(r);
            case "subjects" -> subjects(r);
            case "compatibility" -> compatibility(r);
            case "config" -> config(r);
            case "mode" -> r.n() <= 2 ? on(r.method(), "GET", () -> Answer.ok(Map.of("mode", "READWRITE"))) : null;
            default -> null;
        };
        if (a == null) {
            throw new HttpError(404, 404, "HTTP 404 Not Found");
        }
        return a;
    }

    /** {@code /schemas/...}: read-only. */
    private Answer schemas(Request r) throws IOException {
        List<String> p = r.p();
        int n = r.n();
        if (n == 2 && p.get(1).equals("types")) {
            return on(r.method(), "GET", () -> Answer.ok(List.of("AVRO")));
        }
        if (n < 3 || !p.get(1).equals("ids")) {
            return null;
        }
        int id = schemaId(p.get(2));
        if (n == 3) {
            return on(
                    r.method(),
                    "GET",
                    () -> Answer.ok(Map.of("schema", service.getById(id).toString())));
        }
        if (n == 4 && p.get(3).equals("schema")) {
            return on(r.method(), "GET", () -> Answer.ok(service.getById(id).toString()));
        }
        if (n == 4 && p.get(3).equals("versions")) {
            return on(
                    r.method(),
                    "GET",
                    () -> Answer.ok(service.subjectVersions(id, r.deleted()).stream()
                            .map(sv -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("subject", sv.subject());
                                m.put("version", sv.version());
                                return m;
                            })
                            .toList()));
        }
        if (n == 4 && p.get(3).equals("subjects")) {
            return on(
                    r.method(),
                    "GET",
                    () -> Answer.ok(service.subjectVersions(id, r.deleted()).stream()
                            .map(RegistryCatalog.SubjectVersion::subject)
                            .distinct()
                            .toList()));
        }
        return null;
    }

    /** {@code /subjects/...}: lookups, registrations (token, unless already registered), deletes (token). */
    private Answer subjects(Request r) throws IOException {
        List<String> p = r.p();
        int n = r.n();
        String method = r.method();
        if (n == 1) {
            return on(method, "GET", () -> Answer.ok(service.subjects(r.deleted())));
        }
        String subject = p.get(1);
        if (n == 2) {
            if (method.equals("POST")) {
                Schema schema = schemaFromBody(r.exchange());
                return Answer.ok(full(service.lookupVersion(subject, schema, r.deleted())));
            }
            if (method.equals("DELETE")) {
                requireWriteToken(r);
                if (Boolean.parseBoolean(r.q().get("permanent"))) {
                    throw new HttpError(405, 405, "Permanent deletion is not supported by this registry");
                }
                return Answer.ok(service.deleteSubject(subject));
            }
            throw notAllowed(method);
        }
        if (!p.get(2).equals("versions")) {
            return null;
        }
        if (n == 3) {
            if (method.equals("POST")) {
                Schema schema = schemaFromBody(r.exchange());
                if (!alreadyRegistered(subject, schema)) { // registering it again changes nothing: no token needed
                    requireWriteToken(r);
                }
                return Answer.ok(
                        Map.of("id", service.registerVersion(subject, schema).id()));
            }
            return on(method, "GET", () -> Answer.ok(service.versions(subject, r.deleted())));
        }
        int version = version(p.get(3));
        if (n == 4) {
            return on(method, "GET", () -> Answer.ok(full(service.getVersion(subject, version, r.deleted()))));
        }
        if (n == 5 && p.get(4).equals("schema")) {
            return on(
                    method,
                    "GET",
                    () -> Answer.ok(service.getVersion(subject, version, r.deleted())
                            .schema()
                            .toString()));
        }
        if (n == 5 && p.get(4).equals("referencedby")) {
            return on(method, "GET", () -> {
                service.getVersion(subject, version, r.deleted());
                return Answer.ok(List.of());
            });
        }
        return null;
    }

    private boolean alreadyRegistered(String subject, Schema schema) {
        try {
            service.lookupVersion(subject, schema, false);
            return true;
        } catch (RegistryException notThere) {
            return false;
        }
    }

    /** {@code /compatibility/subjects/S/versions[/V]}: a check, read-only. */
    private Answer compatibility(Request r) throws IOException {
        List<String> p = r.p();
        int n = r.n();
        if (!((n == 4 || n == 5) && p.get(1).equals("subjects") && p.get(3).equals("versions"))) {
            return null;
        }
        String subject = p.get(2);
        if (!r.method().equals("POST")) {
            throw notAllowed(r.method());
        }
        Schema schema = schemaFromBody(r.exchange());
        int version = n == 4 ? -1 : version(p.get(4));
        List<String> problems = version == -1
                ? service.incompatibilities(subject, schema)
                : service.incompatibilitiesWith(subject, version, schema);
        ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if (Boolean.parseBoolean(r.q().get("verbose"))) {
            ArrayNode messages = body.putArray("messages");
            problems.forEach(messages::add);
        }
        return Answer.ok(body.toString());
    }

    /** {@code /config[/S]}: GET reads; PUT and DELETE change compatibility (token). */
    private Answer config(Request r) throws IOException {
        if (r.n() > 2) {
            return null;
        }
        String subject = r.n() == 2 ? r.p().get(1) : null;
        switch (r.method()) {
            case "GET" -> {
                if (subject != null && !Boolean.parseBoolean(r.q().get("defaultToGlobal"))) {
                    String level = service.subjectCompatibility(subject)
                            .orElseThrow(() -> new HttpError(
                                    404,
                                    40408,
                                    "Subject '" + subject + "' does not have subject-level compatibility configured"));
                    return Answer.ok(Map.of("compatibilityLevel", level));
                }
                return Answer.ok(Map.of("compatibilityLevel", service.compatibility(subject)));
            }
            case "PUT" -> {
                requireWriteToken(r);
                JsonNode body = body(r.exchange());
                String level = body.path("compatibility").asText(null);
                if (level == null) {
                    throw new HttpError(422, 42203, "Invalid compatibility level: missing \"compatibility\"");
                }
                service.setCompatibility(subject, level);
                return Answer.ok(Map.of("compatibility", level));
            }
            case "DELETE" -> {
                if (subject == null) {
                    throw notAllowed(r.method());
                }
                requireWriteToken(r);
                String old = service.clearCompatibility(subject)
                        .orElseThrow(() -> new HttpError(
                                404,
                                40408,
                                "Subject '" + subject + "' does not have subject-level compatibility configured"));
                return Answer.ok(Map.of("compatibilityLevel", old));
            }
            default -> throw notAllowed(r.method());
        }
    }

    /**
     * Refuses a request that changes the registry unless it carries the write token, as the password of basic auth
     * (any user name) or as a bearer token. Without a configured token every such request is refused.
     */
    private void requireWriteToken(Request r) {
        String given = presentedToken(r.exchange().getRequestHeaders().getFirst("Authorization"));
        if (writeToken == null
                || given == null
                || !MessageDigest.isEqual(writeToken, given.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(
                    403,
                    40301,
                    "This registry refuses changes (" + r.method() + " " + String.join("/", r.p())
                            + ") without its write token: set registry-write-token (WARTA_REGISTRY_WRITE_TOKEN) and send it as "
                            + "the basic-auth password or a bearer token");
        }
    }

    /** The secret of an {@code Authorization} header: a bearer token, or the password of basic auth. */
    static String presentedToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.strip();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).strip();
        }
        if (a.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded =
                        new String(Base64.getDecoder().decode(a.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private interface Route {
        Answer answer() throws IOException;
    }

    private static Answer on(String method, String expected, Route route) throws IOException {
        if (!method.equals(expected)) {
            throw notAllowed(method);
        }
        return route.answer();
    }

    private static HttpError notAllowed(String method) {
        return new HttpError(405, 405, "HTTP 405 Method Not Allowed: " + method);
    }

    private static Map<String, Object> full(RegisteredSchema r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", r.subject());
        m.put("version", r.version());
        m.put("id", r.id());
        m.put("schema", r.schema().toString());
        return m;
    }

    private static Schema schemaFromBody(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new HttpError(
                    422,
                    RegistryException.INVALID_SCHEMA,
                    "Invalid schema: schemaType " + type + " is not supported, this registry serves AVRO only");
        }
        JsonNode refs = body.path("references");
        if (refs.isArray() && !refs.isEmpty()) {
            throw new HttpError(
                    422,
                    RegistryException.INVALID_SCHEMA,
                    "Invalid schema: schema references are not supported by this registry");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw new HttpError(422, RegistryException.INVALID_SCHEMA, "Invalid schema: \"schema\" must be a string");
        }
        return RegistryCatalog.parse(schema.asText());
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = readBody(exchange.getRequestBody());
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new HttpError(400, 400, "Request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpError(400, 400, "Unparsable JSON body: " + e.getOriginalMessage());
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int r;
        while ((r = in.read(buf)) != -1) {
            out.write(buf, 0, r);
            if (out.size() > MAX_BODY) {
                throw new HttpError(413, 413, "Request body larger than " + MAX_BODY + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static int schemaId(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new HttpError(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + s + " not found");
        }
    }

    /** A version path segment: {@code latest} or {@code -1} (as -1), or 1..2^31-1; 42202 otherwise. */
    static int version(String s) {
        if (s.equals("latest") || s.equals("-1")) {
            return -1;
        }
        try {
            int v = Integer.parseInt(s);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new HttpError(
                422,
                RegistryException.INVALID_VERSION,
                "The specified version '" + s
                        + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null) {
            return out;
        }
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(decode(s.replace("+", "%2B")));
            }
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, 400, "Bad percent-encoding in the URL: " + s);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }
}
