package dev.warta.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warta.schemas.EnrichedArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * {@link SinkInput#PROJECTION} is a second, inline copy of part of {@code EnrichedArticle.avsc}: these tests keep the
 * two from drifting apart.
 */
class SinkInputSchemaTest {
    /** The released versions of the writer schema (kept by the schemas module for its evolution test). */
    private static final Path HISTORY = Path.of("../schemas/src/test/resources/history/EnrichedArticle");

    @Test
    void shouldReadEveryEnrichedArticleTheCurrentSchemaWrites() {
        assertReads(EnrichedArticle.getClassSchema());
    }

    @Test
    void shouldReadEveryReleasedVersionOfEnrichedArticle() throws IOException {
        List<Path> versions;
        try (Stream<Path> files = Files.list(HISTORY)) {
            versions =
                    files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
        }
        assertThat(versions)
                .as("released EnrichedArticle schemas in " + HISTORY)
                .isNotEmpty();
        for (Path v : versions) {
            assertReads(new Schema.Parser().parse(v.toFile()));
        }
    }

    /**
     * A field the projection has but the writer lacks would silently read as its default (a renamed field would
     * turn every article's text into ""): each projected field must exist, with the same type, in the current schema.
     */
    @Test
    void shouldProjectOnlyFieldsTheCurrentSchemaHas() {
        assertThat(missingFields(SinkInput.PROJECTION, EnrichedArticle.getClassSchema(), ""))
                .isEmpty();
    }

    private static void assertReads(Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(SinkInput.PROJECTION, writer);
        assertThat(result.getType())
                .as(
                        "projection reads %s: %s",
                        writer.getFullName(), result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static List<String> missingFields(Schema projection, Schema full, String path) {
        List<String> missing = new ArrayList<>();
        for (Schema.Field f : projection.getFields()) {
            Schema.Field w = full.getField(f.name());
            if (w == null) {
                missing.add(path + f.name());
            } else if (f.schema().getType() == Schema.Type.RECORD && w.schema().getType() == Schema.Type.RECORD) {
                missing.addAll(missingFields(f.schema(), w.schema(), path + f.name() + "."));
            } else if (!shape(f.schema()).equals(shape(w.schema()))) {
                missing.add(path + f.name() + " (" + shape(f.schema()) + " vs " + shape(w.schema()) + ")");
            }
        }
        return missing;
    }

    /** The type structure of a non-record schema, without properties such as {@code avro.java.string}. */
    private static String shape(Schema s) {
        return switch (s.getType()) {
            case ARRAY -> "array<" + shape(s.getElementType()) + ">";
            case MAP -> "map<" + shape(s.getValueType()) + ">";
            case UNION ->
                s.getTypes().stream().map(SinkInputSchemaTest::shape).toList().toString();
            case RECORD, ENUM, FIXED -> s.getFullName();
            default -> s.getType().getName();
        };
    }
}
