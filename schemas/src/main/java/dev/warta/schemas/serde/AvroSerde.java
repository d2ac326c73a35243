package dev.warta.schemas.serde;

import dev.warta.schemas.Topics;
import dev.warta.schemas.registry.RegistryException;
import dev.warta.schemas.registry.SchemaRegistries;
import dev.warta.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro SpecificRecord serde in the Schema Registry wire format: magic byte 0, 4-byte big-endian schema id, Avro
 * binary. Subjects follow TopicNameStrategy ({@code <topic>-value}). Writer schemas and ids are cached.
 *
 * <p>Configuration: {@value #REGISTRY_URL} (http(s) URL or {@code mem://scope}), {@value #AUTO_REGISTER}
 * (default true), and the registry client's {@code basic.auth.user.info} / {@code basic.auth.credentials.source}
 * (Confluent's names). A payload that is not wire format, names an unknown schema id or is truncated raises a
 * {@link WireFormatException} with the reason.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    public static final String REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final byte MAGIC_BYTE = 0;

    private final Class<T> type;
    private final Schema readerSchema;
    private SchemaRegistry registry;
    private boolean autoRegister = true;
    private final Map<String, Integer> idBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, DatumReader<T>> readerById = new ConcurrentHashMap<>();
    private final Map<ProjectionKey, DatumReader<GenericRecord>> projectionReaders = new ConcurrentHashMap<>();
    private final SpecificDatumWriter<T> writer;
    /** Largest initial buffer a serialization starts with. */
    private static final int MAX_SIZE_HINT = 64 * 1024;
    /**
     * Initial buffer size: grows to a bit more than the largest record seen (up to {@link #MAX_SIZE_HINT}) so
     * that encoding a 4-10 KB article does not copy its buffer six times. Racy on purpose: any value is valid.
     */
    private volatile int sizeHint = 256;

    public AvroSerde(Class<T> type) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.writer = new SpecificDatumWriter<>(readerSchema);
    }

    /** A configured value serde for {@code type} against {@code registryUrl}. */
    public static <T extends SpecificRecord> AvroSerde<T> of(Class<T> type, String registryUrl) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(Map.of(REGISTRY_URL, registryUrl), false);
        return serde;
    }

    /** A configured value serde for {@code type} with this registry. */
    public static <T extends SpecificRecord> AvroSerde<T> of(
            Class<T> type, SchemaRegistry registry, boolean autoRegister) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.registry = registry;
        serde.autoRegister = autoRegister;
        return serde;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(REGISTRY_URL);
        if (registry == null) {
            registry = SchemaRegistries.open(url == null ? null : url.toString(), configs);
        }
        Object auto = configs.get(AUTO_REGISTER);
        if (auto != null) {
            autoRegister = Boolean.parseBoolean(auto.toString());
        }
    }

    public Schema schema() {
        return readerSchema;
    }

    /** Encodes {@code value} for {@code topic}, registering (or looking up) its schema under {@code <topic>-value}. */
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        int id = schemaId(topic);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
            out.write(MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(value, encoder);
            encoder.flush();
            if (out.size() > sizeHint) {
                sizeHint = Math.min(out.size() + out.size() / 4, MAX_SIZE_HINT);
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException(
                    WireFormatException.Reason.MALFORMED,
                    "cannot encode " + type.getSimpleName() + " for " + topic + ": " + e.getMessage(),
                    e);
        }
    }

    private int schemaId(String topic) {
        String subject = Topics.valueSubject(topic);
        Integer cached = idBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        try {
            int id = autoRegister ? registry.register(subject, readerSchema) : registry.lookup(subject, readerSchema);
            idBySubject.put(subject, id);
            return id;
        } catch (RegistryException e) {
            WireFormatException.Reason reason = e.errorCode() == RegistryException.INCOMPATIBLE
                    ? WireFormatException.Reason.INCOMPATIBLE_SCHEMA
                    : e.retriable()
                            ? WireFormatException.Reason.REGISTRY_UNAVAILABLE
                            : WireFormatException.Reason.UNKNOWN_SCHEMA_ID;
            throw new WireFormatException(reason, "schema for subject " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a wire-format payload into {@code T}, resolving the writer schema by id. */
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        int id = header(topic, data);
        return read(data, id, readerFor(id));
    }

    /**
     * Decodes only the fields of {@code projection} from a wire-format payload of {@code T}: a record schema of the
     * same full name whose fields are some of {@code T}'s (by name, with defaults for fields older writers lack).
     * Avro's schema resolution skips the others without building them, which makes a look at a few fields of a
     * large record cheap. Same errors as {@link #deserialize}; null for a null payload.
     */
    public GenericRecord deserializeProjection(String topic, byte[] data, Schema projection) {
        if (data == null) {
            return null;
        }
        int id = header(topic, data);
        return read(
                data,
                id,
                projectionReaders.computeIfAbsent(
                        new ProjectionKey(projection, id),
                        k -> new GenericDatumReader<>(writerSchema(id), projection)));
    }

    /** The schema id this serde writes for {@code topic} (registering its schema when auto-registration is on). */
    public int schemaIdFor(String topic) {
        return schemaId(topic);
    }

    /** The schema id in the header of wire-format {@code data}, or -1 when it has no valid header. */
    public static int schemaIdOf(byte[] data) {
        return data == null || data.length < 5 || data[0] != MAGIC_BYTE
                ? -1
                : ByteBuffer.wrap(data, 1, 4).getInt();
    }

    private record ProjectionKey(Schema projection, int id) {}

    /** The schema id of a wire-format payload, after checking its header. */
    private static int header(String topic, byte[] data) {
        if (data.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.EMPTY, "empty payload on " + topic, null);
        }
        if (data[0] != MAGIC_BYTE) {
            throw new WireFormatException(
                    WireFormatException.Reason.BAD_MAGIC_BYTE,
                    String.format("unknown magic byte 0x%02x on %s (expected 0x00)", data[0], topic),
                    null);
        }
        if (data.length < 5) {
            throw new WireFormatException(
                    WireFormatException.Reason.TRUNCATED,
                    "payload of " + data.length + " bytes is shorter than the 5-byte header",
                    null);
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    private static <R> R read(byte[] data, int id, DatumReader<R> reader) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, 5, data.length - 5, null);
            R value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(
                        WireFormatException.Reason.MALFORMED,
                        "trailing bytes after the record (schema id " + id + ")",
                        null);
            }
            return value;
        } catch (EOFException e) {
            throw new WireFormatException(
                    WireFormatException.Reason.TRUNCATED, "Avro body ends early (schema id " + id + ")", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof WireFormatException w) {
                throw w;
            }
            throw new WireFormatException(
                    WireFormatException.Reason.MALFORMED, "cannot decode Avro body with schema id " + id + ": " + e, e);
        }
    }

    private DatumReader<T> readerFor(int id) {
        DatumReader<T> cached = readerById.get(id);
        if (cached != null) {
            return cached;
        }
        DatumReader<T> reader = new SpecificDatumReader<>(writerSchema(id), readerSchema);
        readerById.put(id, reader);
        return reader;
    }

    private Schema writerSchema(int id) {
        try {
            return registry.getById(id);
        } catch (RegistryException e) {
            WireFormatException.Reason reason = e.retriable()
                    ? WireFormatException.Reason.REGISTRY_UNAVAILABLE
                    : WireFormatException.Reason.UNKNOWN_SCHEMA_ID;
            throw new WireFormatException(reason, "schema id " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                AvroSerde.this.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T data) {
                return AvroSerde.this.serialize(topic, data);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                AvroSerde.this.configure(configs, isKey);
            }

            @Override
            public T deserialize(String topic, byte[] data) {
                return AvroSerde.this.deserialize(topic, data);
            }
        };
    }
}
