package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary serdes of the dedup internals (repartition messages, band buckets, gather states, verdicts).
 * Each payload starts with a format version byte. The article inside messages and gather states is written with
 * the configured article serde as if to news.enriched, so it stays readable across schema evolution.
 */
public final class DedupSerdes {
    private static final byte FORMAT = 1;
    private final Serde<EnrichedArticle> articleSerde;

    public DedupSerdes(Serde<EnrichedArticle> articleSerde) {
        this.articleSerde = articleSerde;
    }

    public Serde<DedupMessage> message() {
        return serde(this::writeMessage, this::readMessage);
    }

    public Serde<List<BandEntry>> bucket() {
        return serde(DedupSerdes::writeBucket, DedupSerdes::readBucket);
    }

    public Serde<GatherState> gather() {
        return serde(this::writeGather, this::readGather);
    }

    public Serde<Verdict> verdict() {
        return serde(DedupSerdes::writeVerdict, DedupSerdes::readVerdict);
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(Writer<T> writer, Reader<T> reader) {
        Serializer<T> ser = (topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(FORMAT);
                writer.write(out, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        };
        Deserializer<T> de = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
                byte format = in.readByte();
                if (format != FORMAT) {
                    throw new SerializationException("unknown dedup format " + format + " on " + topic);
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new SerializationException("cannot read dedup record on " + topic + ": " + e, e);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }

    private void writeMessage(DataOutputStream out, DedupMessage m) throws IOException {
        out.writeByte(m.kind().ordinal());
        writeString(out, m.articleId());
        writeString(out, m.token());
        out.writeLong(m.ts());
        out.writeInt(m.expected());
        out.writeBoolean(m.exact());
        writeShorts(out, m.signature());
        writeMatch(out, m.match());
        writeArticle(out, m.article());
    }

    private DedupMessage readMessage(DataInputStream in) throws IOException {
        DedupMessage.Kind kind = DedupMessage.Kind.values()[in.readByte()];
        return new DedupMessage(kind, readString(in), readString(in), in.readLong(), in.readInt(), in.readBoolean(),
                readShorts(in), readMatch(in), readArticle(in));
    }

    private void writeGather(DataOutputStream out, GatherState s) throws IOException {
        out.writeInt(s.expected());
        out.writeInt(s.received());
        writeMatch(out, s.best());
        writeArticle(out, s.article());
    }

    private GatherState readGather(DataInputStream in) throws IOException {
        int expected = in.readInt();
        int received = in.readInt();
        BandMatch best = readMatch(in);
        return new GatherState(readArticle(in), expected, received, best);
    }

    private void writeArticle(DataOutputStream out, EnrichedArticle a) throws IOException {
        byte[] bytes = a == null ? null : articleSerde.serializer().serialize(Topics.ENRICHED, a);
        writeBytes(out, bytes);
    }

    private EnrichedArticle readArticle(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : articleSerde.deserializer().deserialize(Topics.ENRICHED, bytes);
    }

    private static void writeBucket(DataOutputStream out, List<BandEntry> entries) throws IOException {
        out.writeInt(entries.size());
        for (BandEntry e : entries) {
            writeString(out, e.id());
            writeString(out, e.rootId());
            out.writeLong(e.rootTs());
            out.writeLong(e.ts());
            out.writeShort(e.signature().length);
            for (short v : e.signature()) {
                out.writeShort(v);
            }
        }
    }

    private static List<BandEntry> readBucket(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<BandEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = readString(in);
            String root = readString(in);
            long rootTs = in.readLong();
            long ts = in.readLong();
            short[] sig = new short[in.readUnsignedShort()];
            for (int j = 0; j < sig.length; j++) {
                sig[j] = in.readShort();
            }
            out.add(new BandEntry(id, root, rootTs, ts, sig));
        }
        return out;
    }

    private static void writeVerdict(DataOutputStream out, Verdict v) throws IOException {
        writeString(out, v.duplicateOf());
        out.writeDouble(v.similarity() == null ? Double.NaN : v.similarity());
    }

    private static Verdict readVerdict(DataInputStream in) throws IOException {
        String dup = readString(in);
        double sim = in.readDouble();
        return dup == null ? Verdict.NONE : new Verdict(dup, Double.isNaN(sim) ? null : sim);
    }

    private static void writeMatch(DataOutputStream out, BandMatch m) throws IOException {
        out.writeBoolean(m != null);
        if (m != null) {
            writeString(out, m.rootId());
            out.writeLong(m.rootTs());
            writeString(out, m.viaId());
            out.writeDouble(m.similarity());
        }
    }

    private static BandMatch readMatch(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new BandMatch(readString(in), in.readLong(), readString(in), in.readDouble());
    }

    /** A probe's signature travels as its low 16 bits per value: all the band step compares (see BandLogic). */
    private static void writeShorts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int v : values) {
                out.writeShort(v);
            }
        }
    }

    private static int[] readShorts(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readShort();
        }
        return out;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return in.readNBytes(n);
    }
}
