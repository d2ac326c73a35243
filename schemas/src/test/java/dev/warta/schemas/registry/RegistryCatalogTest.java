package dev.warta.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.registry.RegistryCatalog.ConfigEntry;
import dev.warta.schemas.registry.RegistryCatalog.Entry;
import dev.warta.schemas.registry.RegistryCatalog.SchemaEntry;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class RegistryCatalogTest {
    private static final Schema A =
            SchemaBuilder.record("A").fields().requiredString("s").endRecord();
    private static final Schema A2 = SchemaBuilder.record("A")
            .fields()
            .requiredString("s")
            .name("n")
            .type()
            .intType()
            .intDefault(1)
            .endRecord();
    private static final Schema B =
            SchemaBuilder.record("B").fields().requiredLong("l").endRecord();

    private final List<Entry> log = new ArrayList<>();

    private int register(RegistryCatalog catalog, String subject, Schema schema) {
        RegistryCatalog.Registration r = catalog.planRegistration(subject, schema);
        r.entry().ifPresent(e -> {
            log.add(e);
            catalog.apply(e);
        });
        return r.registered().id();
    }

    @Test
    void planningChangesNothingUntilApplied() {
        RegistryCatalog catalog = new RegistryCatalog();
        RegistryCatalog.Registration r = catalog.planRegistration("a-value", A);

        assertThat(r.entry()).contains(new SchemaEntry("a-value", 1, 1, A.toString(), false));
        assertThat(catalog.subjects(true)).isEmpty();
        assertThat(catalog.schema(1)).isEmpty();
    }

    @Test
    void replayingTheLogRebuildsTheSameStateAndIdsContinue() {
        RegistryCatalog catalog = new RegistryCatalog();
        register(catalog, "a-value", A);
        register(catalog, "a-value", A2);
        register(catalog, "b-value", B);
        ConfigEntry config = catalog.planCompatibility("b-value", "NONE");
        log.add(config);
        catalog.apply(config);
        log.addAll(catalog.planSubjectDeletion("a-value"));
        log.subList(log.size() - 2, log.size()).forEach(catalog::apply);

        RegistryCatalog replayed = new RegistryCatalog();
        log.forEach(replayed::apply);
        log.forEach(replayed::apply);

        assertThat(replayed.subjects(false)).containsExactly("b-value");
        assertThat(replayed.subjects(true)).containsExactly("a-value", "b-value");
        assertThat(replayed.versions("a-value", true)).containsExactly(1, 2);
        assertThat(replayed.compatibility("b-value")).isEqualTo("NONE");
        assertThat(replayed.schema(2)).contains(A2);
        assertThat(replayed.planRegistration("a-value", A).registered())
                .as("a deleted schema comes back with its id as the next version")
                .isEqualTo(new SchemaRegistry.RegisteredSchema("a-value", 3, 1, A));
        Schema c = SchemaBuilder.record("C").fields().requiredInt("i").endRecord();
        assertThat(replayed.planRegistration("c-value", c).registered().id()).isEqualTo(4);
    }

    @Test
    void incompatibleRegistrationIsRefusedWithTheReason() {
        RegistryCatalog catalog = new RegistryCatalog();
        register(catalog, "a-value", A);
        Schema breaking = SchemaBuilder.record("A").fields().requiredInt("s").endRecord();

        assertThatThrownBy(() -> catalog.planRegistration("a-value", breaking))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
                .hasMessageContaining("BACKWARD_TRANSITIVE")
                .hasMessageContaining("/fields/0/type");
    }

    @Test
    void invalidSchemaTextIs42201AndBadLevelIs42203() {
        assertThatThrownBy(() -> RegistryCatalog.parse("{\"type\":\"record\",\"name\":\"X\"}"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        assertThatThrownBy(() -> RegistryCatalog.parse("\u0000\u00ff garbage"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        assertThatThrownBy(() -> new RegistryCatalog().planCompatibility(null, "backward-ish"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }
}
