package dev.warta.schemas.registry;

import java.time.Duration;
import java.util.List;
import org.apache.avro.Schema;

/** Client of the Confluent Schema Registry REST API. (Being built: see the registry work.) */
public class RestSchemaRegistryClient implements SchemaRegistry {
    private final String baseUrl;

    public RestSchemaRegistryClient(String baseUrl, Duration timeout, int maxRetries) {
        this.baseUrl = baseUrl;
    }

    private RegistryException notYet() {
        return new RegistryException(RegistryException.UNREACHABLE, -1, "REST registry client not built yet: " + baseUrl);
    }

    @Override public int register(String subject, Schema schema) { throw notYet(); }
    @Override public int lookup(String subject, Schema schema) { throw notYet(); }
    @Override public Schema getById(int id) { throw notYet(); }
    @Override public List<Integer> versions(String subject) { throw notYet(); }
    @Override public RegisteredSchema getVersion(String subject, int version) { throw notYet(); }
    @Override public boolean testCompatibility(String subject, Schema schema) { throw notYet(); }
    @Override public String compatibility(String subject) { throw notYet(); }
    @Override public void setCompatibility(String subject, String level) { throw notYet(); }
}
