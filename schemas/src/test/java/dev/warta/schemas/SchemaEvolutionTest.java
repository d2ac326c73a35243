package dev.warta.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.registry.InMemorySchemaRegistry.Compatibility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every released version of each schema is kept in {@code src/test/resources/history/<Name>/vN.avsc}. When a schema
 * changes in a release, copy the new {@code .avsc} there as the next version: this test then proves that the current
 * generated class reads data written with every earlier version, and that each version is BACKWARD_TRANSITIVE
 * compatible with its predecessors (what the registry enforces on registration).
 */
class SchemaEvolutionTest {
    private static final int RECORDS_PER_VERSION = 50;

    @ParameterizedTest
    @ValueSource(strings = {"RawArticle", "EnrichedArticle", "DeadLetter"})
    void eachVersionIsBackwardTransitiveCompatibleWithItsPredecessors(String name) throws Exception {
        List<Schema> history = history(name);
        assertThat(history).as("history of " + name).isNotEmpty();
        for (int i = 1; i < history.size(); i++) {
            assertThat(Compatibility.BACKWARD_TRANSITIVE.incompatibilities(history.get(i), history.subList(0, i)))
                    .as("%s v%d against v1..v%d", name, i + 1, i)
                    .isEmpty();
        }
        assertThat(Compatibility.BACKWARD_TRANSITIVE.incompatibilities(current(name), history))
                .as("current %s against every released version", name)
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RawArticle", "EnrichedArticle", "DeadLetter"})
    void dataWrittenWithEveryVersionIsReadByTheCurrentGeneratedClass(String name) throws Exception {
        Schema reader = current(name);
        Class<?> type = SpecificData.get().getClass(reader);
        List<Schema> history = history(name);
        for (int v = 0; v < history.size(); v++) {
            Schema writer = history.get(v);
            long seed = 31L * v + name.hashCode();
            for (Object written : new RandomData(GenericData.get(), writer, RECORDS_PER_VERSION, seed)) {
                byte[] bytes = encode(new GenericDatumWriter<>(writer), written);

                Object specific = new SpecificDatumReader<>(writer, reader)
                        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
                Object resolved = new GenericDatumReader<>(writer, reader)
                        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));

                assertThat(specific).as("%s v%d", name, v + 1).isInstanceOf(type);
                // what the class holds, written back with the current schema, is what schema resolution gives
                byte[] rewritten = encode(new SpecificDatumWriter<>(reader), specific);
                Object reread = new GenericDatumReader<>(reader)
                        .read(null, DecoderFactory.get().binaryDecoder(rewritten, null));
                assertThat(normalize(reread)).as("%s v%d", name, v + 1).isEqualTo(normalize(resolved));
                // and every field the old writer had survives with its value
                GenericData.Record old = (GenericData.Record) written;
                GenericData.Record now = (GenericData.Record) resolved;
                for (Schema.Field f : writer.getFields()) {
                    if (reader.getField(f.name()) != null) {
                        assertThat(normalize(now.get(f.name())))
                                .as("%s v%d field %s", name, v + 1, f.name())
                                .isEqualTo(normalize(old.get(f.name())));
                    }
                }
            }
        }
    }

    /** Plain comparable values: maps sorted by key, records as field maps, strings as String, bytes as lists. */
    private static Object normalize(Object v) {
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.TreeMap<String, Object> out = new java.util.TreeMap<>();
            m.forEach((k, x) -> out.put(k.toString(), normalize(x)));
            return out;
        }
        if (v instanceof org.apache.avro.generic.GenericRecord r) {
            java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
            r.getSchema().getFields().forEach(f -> out.put(f.name(), normalize(r.get(f.pos()))));
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(SchemaEvolutionTest::normalize).toList();
        }
        if (v instanceof java.nio.ByteBuffer b) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            return java.util.HexFormat.of().formatHex(bytes);
        }
        return v instanceof CharSequence cs ? cs.toString() : v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] encode(org.apache.avro.io.DatumWriter writer, Object datum) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema current(String name) throws ReflectiveOperationException {
        Class<?> type = Class.forName("dev.warta.schemas." + name);
        assertThat(SpecificRecord.class).isAssignableFrom(type);
        return SpecificData.get().getSchema(type);
    }

    private static List<Schema> history(String name) throws IOException, URISyntaxException {
        Path dir = Path.of(
                SchemaEvolutionTest.class.getResource("/history/" + name).toURI());
        List<Schema> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(SchemaEvolutionTest::versionOf))
                    .toList();
            for (int i = 0; i < sorted.size(); i++) {
                assertThat(versionOf(sorted.get(i)))
                        .as("history/%s has no gap", name)
                        .isEqualTo(i + 1);
                versions.add(new Schema.Parser().parse(sorted.get(i).toFile()));
            }
        }
        return versions;
    }

    private static int versionOf(Path p) {
        String f = p.getFileName().toString();
        return Integer.parseInt(f.substring(1, f.indexOf('.')));
    }
}
