package dev.warta.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API over {@link HttpClient}: works with Confluent Schema Registry,
 * Apicurio's ccompat API ({@code http://host:8080/apis/ccompat/v7}), Karapace, Redpanda and warta's embedded
 * registry. The base URL may carry a path prefix and {@code user:password@} userinfo (basic auth); a comma-separated
 * list of base URLs fails over to the next one when a registry cannot be reached.
 *
 * <p>Every request has a timeout; connection errors and 5xx answers are retried {@code maxRetries} times with
 * exponential backoff (100 ms doubling, capped at 2 s, with jitter), then fail with a {@link RegistryException}
 * whose http status is {@link RegistryException#UNREACHABLE} (or the 5xx). Other errors fail at once with
 * Confluent's {@code error_code}. Schemas by id and registrations are cached: ids are immutable.
 *
 * <p>{@code
 * SchemaRegistry registry = new RestSchemaRegistryClient("http://localhost:8081", Duration.ofSeconds(5), 3);
 * int id = registry.register("news.raw-value", RawArticle.getClassSchema());
 * }
 *
 * <p>Thread-safe.
 */
public class RestSchemaRegistryClient implements SchemaRegistry {
    /** Confluent's setting for basic auth credentials, {@code user:password}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** Confluent's setting naming where basic auth credentials come from: URL or USER_INFO. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final long MAX_BACKOFF_MS = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final String authorization;
    private final Duration timeout;
    private final int maxRetries;
    private final HttpClient http;
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idBySubjectSchema = new ConcurrentHashMap<>();

    /** A client of the registry at {@code baseUrl} (userinfo in the URL is used for basic auth). */
    public RestSchemaRegistryClient(String baseUrl, Duration timeout, int maxRetries) {
        this(baseUrl, timeout, maxRetries, Map.of());
    }

    /**
     * A client with Confluent-style settings: {@value #BASIC_AUTH_USER_INFO} ({@code user:password}) takes
     * precedence over userinfo in the URL unless {@value #BASIC_AUTH_CREDENTIALS_SOURCE} is {@code URL}.
     */
    public RestSchemaRegistryClient(String baseUrl, Duration timeout, int maxRetries, Map<String, ?> config) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is not set");
        }
        this.timeout = timeout;
        this.maxRetries = Math.max(0, maxRetries);
        String urlUserInfo = null;
        List<String> urls = new ArrayList<>();
        for (String raw : baseUrl.split(",")) {
            if (raw.isBlank()) {
                continue;
            }
            URI uri = URI.create(raw.trim());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) registry URL: " + raw.trim());
            }
            if (uri.getRawUserInfo() != null && urlUserInfo == null) {
                urlUserInfo = URLDecoder.decode(uri.getRawUserInfo(), StandardCharsets.UTF_8);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            urls.add(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path);
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("schema registry URL is not set");
        }
        this.baseUrls = List.copyOf(urls);
        Object source = config.get(BASIC_AUTH_CREDENTIALS_SOURCE);
        Object userInfo = config.get(BASIC_AUTH_USER_INFO);
        String credentials =
                "URL".equalsIgnoreCase(String.valueOf(source)) || userInfo == null ? urlUserInfo : userInfo.toString();
        this.authorization = credentials == null || credentials.isEmpty()
                ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The base URLs this client talks to, without credentials. */
    public List<String> baseUrls() {
        return baseUrls;
    }

    @Override
    public int register(String subject, Schema schema) {
        String key = subject + '\u0000' + schema;
        Integer cached = idBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema))
                .path("id")
                .asInt(-1);
        if (id < 0) {
            throw malformed("register " + subject);
        }
        idBySubjectSchema.put(key, id);
        schemaById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        String key = subject + '\u0000' + schema;
        Integer cached = idBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = send("POST", "/subjects/" + encode(subject), schemaBody(schema))
                .path("id")
                .asInt(-1);
        if (id < 0) {
            throw malformed("lookup " + subject);
        }
        idBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public Schema getById(int id) {
        Schema cached = schemaById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode body = send("GET", "/schemas/ids/" + id, null);
        checkAvro(body, "schema " + id);
        Schema schema = parseSchema(body.path("schema").asText(null), "schema " + id);
        Schema previous = schemaById.putIfAbsent(id, schema);
        return previous == null ? schema : previous;
    }

    @Override
    public List<Integer> versions(String subject) {
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions", null);
        if (!body.isArray()) {
            throw malformed("versions of " + subject);
        }
        List<Integer> versions = new ArrayList<>();
        body.forEach(v -> versions.add(v.asInt()));
        return List.copyOf(versions);
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        String v = version == -1 ? "latest" : Integer.toString(version);
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions/" + v, null);
        checkAvro(body, subject + " version " + v);
        int id = body.path("id").asInt(-1);
        Schema schema = parseSchema(body.path("schema").asText(null), subject + " version " + v);
        if (id >= 0) {
            schemaById.putIfAbsent(id, schema);
        }
        return new RegisteredSchema(
                body.path("subject").asText(subject), body.path("version").asInt(version), id, schema);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        try {
            JsonNode body =
                    send("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema));
            return body.path("is_compatible").asBoolean(false);
        } catch (RegistryException e) {
            // some registries answer 404 for a subject without versions: nothing to be incompatible with
            if (e.errorCode() == RegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == RegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public String compatibility(String subject) {
        if (subject != null) {
            try {
                JsonNode body = send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null);
                String level = level(body);
                if (level != null) {
                    return level;
                }
            } catch (RegistryException e) {
                if (e.httpStatus() != 404) {
                    throw e;
                }
            }
        }
        String level = level(send("GET", "/config", null));
        if (level == null) {
            throw malformed("config");
        }
        return level;
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", subject == null ? "/config" : "/config/" + encode(subject), body.toString());
    }

    private static String level(JsonNode body) {
        String level = body.path("compatibilityLevel").asText(null);
        return level != null ? level : body.path("compatibility").asText(null);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static void checkAvro(JsonNode body, String what) {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException(
                    RegistryException.INVALID_SCHEMA, 200, what + " is a " + type + " schema, not AVRO");
        }
    }

    private static Schema parseSchema(String text, String what) {
        if (text == null) {
            throw malformed(what);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException(
                    RegistryException.INVALID_SCHEMA,
                    200,
                    "registry returned an unparsable schema for " + what + ": " + e.getMessage(),
                    e);
        }
    }

    private static RegistryException malformed(String what) {
        return new RegistryException(RegistryException.STORE_ERROR, 200, "unexpected registry answer to " + what);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends a request, retrying connection errors and 5xx; returns the JSON body of a 2xx answer. */
    private JsonNode send(String method, String path, String body) {
        RegistryException last = null;
        int attempts = maxRetries + 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                backoff(attempt, last);
            }
            String base = baseUrls.get(attempt % baseUrls.size());
            try {
                HttpResponse<String> response = http.send(
                        request(method, base + path, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return json(response.body(), method + " " + base + path);
                }
                last = error(method, base + path, status, response.body());
                if (status < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = new RegistryException(
                        RegistryException.UNREACHABLE,
                        RegistryException.UNREACHABLE,
                        "schema registry unreachable: " + method + " " + base + path + ": " + describe(e),
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException(
                        RegistryException.UNREACHABLE,
                        RegistryException.UNREACHABLE,
                        "interrupted while calling the schema registry at " + base,
                        e);
            }
        }
        if (last.httpStatus() == RegistryException.UNREACHABLE) {
            throw new RegistryException(
                    last.errorCode(),
                    last.httpStatus(),
                    last.getMessage() + " (after " + attempts + " attempts)",
                    last.getCause());
        }
        throw last;
    }

    private static JsonNode json(String text, String what) {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new RegistryException(
                    RegistryException.STORE_ERROR, 200, "registry answer to " + what + " is not JSON", e);
        }
    }

    private HttpRequest request(String method, String url, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", CONTENT_TYPE);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static RegistryException error(String method, String url, int status, String body) {
        int code = status;
        String message = body == null ? "" : body.strip();
        try {
            JsonNode json = JSON.readTree(message);
            if (json != null && json.isObject()) {
                code = json.path("error_code").asInt(status);
                message = json.path("message").asText(message);
            }
        } catch (IOException | RuntimeException notJson) {
            // a proxy's HTML page, say: keep the start of it
        }
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return new RegistryException(
                code, status, method + " " + url + " -> HTTP " + status + " (error_code " + code + "): " + message);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static void backoff(int attempt, RegistryException last) {
        long ms = Math.min(MAX_BACKOFF_MS, 100L << Math.min(attempt - 1, 10));
        ms += ThreadLocalRandom.current().nextLong(ms / 4 + 1);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    RegistryException.UNREACHABLE,
                    RegistryException.UNREACHABLE,
                    "interrupted while retrying: " + last.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + baseUrls;
    }
}
