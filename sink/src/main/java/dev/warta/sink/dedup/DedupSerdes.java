package dev.warta.sink.dedup;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
        return serde(1024, this::writeMessage, this::readMessage);
    }

    public Serde<List<BandEntry>> bucket() {
        return serde(2048, DedupSerdes::writeBucket, DedupSerdes::readBucket);
    }

    public Serde<GatherState> gather() {
        return serde(256, this::writeGather, this::readGather);
    }

    /**
     * An article waiting for its band answers: the number of answers to expect and the article as encoded on
     * news.enriched, in the layout of {@link #gather()} (so stores written by either read with both).
     */
    public Serde<PendingArticle> pending() {
        return serde(4096, DedupSerdes::writePending, DedupSerdes::readPending);
    }

    /** The encoded article of a message (encoding it when the message carries it decoded), or null. */
    public byte[] articleBytes(DedupMessage m) {
        if (m.articleBytes() != null) {
            return m.articleBytes();
        }
        return m.article() == null ? null : articleSerde.serializer().serialize(Topics.ENRICHED, m.article());
    }

    private static void writePending(Out out, PendingArticle p) {
        out.writeInt(p.expected());
        out.writeInt(0);
        writeMatch(out, null);
        writeBytes(out, p.articleBytes());
    }

    private static PendingArticle readPending(In in) {
        int expected = in.readInt();
        in.readInt();
        readMatch(in);
        return new PendingArticle(expected, readBytes(in));
    }

    /** A stored 16-bit MinHash signature. */
    public Serde<short[]> signature() {
        return serde(528, DedupSerdes::writeSignature, DedupSerdes::readSignature);
    }

    private static void writeSignature(Out out, short[] sig) {
        out.writeShort(sig.length);
        for (short v : sig) {
            out.writeShort(v);
        }
    }

    private static short[] readSignature(In in) {
        short[] sig = new short[in.readUnsignedShort()];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = in.readShort();
        }
        return sig;
    }

    /** What the one-partition dedup step remembers of an article ({@link Seen}): its only changelogged state. */
    public Serde<Seen> seen() {
        return serde(320, DedupSerdes::writeSeen, DedupSerdes::readSeen);
    }

    private static void writeSeen(Out out, Seen s) {
        writeString(out, s.id());
        out.writeLong(s.seq());
        out.writeLong(s.ts());
        writeString(out, s.rootId());
        out.writeLong(s.rootTs());
        writeSignature(out, s.signature());
        out.writeInt(s.buckets().length);
        for (long b : s.buckets()) {
            out.writeLong(b);
        }
        writeVerdict(out, s.verdict());
    }

    private static Seen readSeen(In in) {
        String id = readString(in);
        long seq = in.readLong();
        long ts = in.readLong();
        String root = readString(in);
        long rootTs = in.readLong();
        short[] signature = readSignature(in);
        int n = in.readInt();
        in.require(8L * n);
        long[] buckets = new long[n];
        for (int i = 0; i < n; i++) {
            buckets[i] = in.readLong();
        }
        return new Seen(id, seq, ts, root, rootTs, signature, buckets, readVerdict(in));
    }

    public Serde<Verdict> verdict() {
        return serde(64, DedupSerdes::writeVerdict, DedupSerdes::readVerdict);
    }

    private interface Writer<T> {
        void write(Out out, T value);
    }

    private interface Reader<T> {
        T read(In in);
    }

    /** {@code capacity}: the usual payload size, so that most writes never grow the buffer. */
    private static <T> Serde<T> serde(int capacity, Writer<T> writer, Reader<T> reader) {
        Serializer<T> ser = (topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out(capacity);
            out.writeByte(FORMAT);
            writer.write(out, value);
            return out.toByteArray();
        };
        Deserializer<T> de = (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                In in = new In(data);
                byte format = in.readByte();
                if (format != FORMAT) {
                    throw new SerializationException("unknown dedup format " + format + " on " + topic);
                }
                return reader.read(in);
            } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new SerializationException("cannot read dedup record on " + topic + ": " + e, e);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }

    private void writeMessage(Out out, DedupMessage m) {
        out.writeByte(m.kind().ordinal());
        writeString(out, m.articleId());
        writeString(out, m.token());
        out.writeLong(m.ts());
        out.writeInt(m.expected());
        out.writeBoolean(m.exact());
        writeShorts(out, m.signature());
        writeMatch(out, m.match());
        if (m.articleBytes() != null) {
            writeBytes(out, m.articleBytes());
        } else {
            writeArticle(out, m.article());
        }
        if (m.kind() == DedupMessage.Kind.PROBES || m.kind() == DedupMessage.Kind.ANSWERS) {
            // appended for the grouped kinds only: the first version's kinds keep their exact layout
            out.writeInt(m.answered());
            out.writeInt(m.targets().size());
            for (Probes.Target t : m.targets()) {
                writeString(out, t.key());
                out.writeBoolean(t.exact());
            }
        }
    }

    private DedupMessage readMessage(In in) {
        DedupMessage.Kind kind = DedupMessage.Kind.values()[in.readByte()];
        String id = readString(in);
        String token = readString(in);
        long ts = in.readLong();
        int expected = in.readInt();
        boolean exact = in.readBoolean();
        int[] signature = readShorts(in);
        BandMatch match = readMatch(in);
        boolean grouped = kind == DedupMessage.Kind.PROBES || kind == DedupMessage.Kind.ANSWERS;
        // the grouped kinds pass the encoded article on untouched; the first version's kinds decode it
        byte[] articleBytes = grouped ? readBytes(in) : null;
        EnrichedArticle article = grouped ? null : readArticle(in);
        int answered = 0;
        List<Probes.Target> targets = List.of();
        if (grouped) {
            answered = in.readInt();
            int n = in.readInt();
            in.require(5L * n);
            List<Probes.Target> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(new Probes.Target(readString(in), in.readBoolean()));
            }
            targets = list;
        }
        return new DedupMessage(
                kind, id, token, ts, expected, exact, signature, match, article, targets, answered, articleBytes);
    }

    private void writeGather(Out out, GatherState s) {
        out.writeInt(s.expected());
        out.writeInt(s.received());
        writeMatch(out, s.best());
        writeArticle(out, s.article());
    }

    private GatherState readGather(In in) {
        int expected = in.readInt();
        int received = in.readInt();
        BandMatch best = readMatch(in);
        return new GatherState(readArticle(in), expected, received, best);
    }

    private void writeArticle(Out out, EnrichedArticle a) {
        byte[] bytes = a == null ? null : articleSerde.serializer().serialize(Topics.ENRICHED, a);
        writeBytes(out, bytes);
    }

    private EnrichedArticle readArticle(In in) {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : articleSerde.deserializer().deserialize(Topics.ENRICHED, bytes);
    }

    private static void writeBucket(Out out, List<BandEntry> entries) {
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

    private static List<BandEntry> readBucket(In in) {
        int n = in.readInt();
        in.require(n);
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

    private static void writeVerdict(Out out, Verdict v) {
        writeString(out, v.duplicateOf());
        out.writeDouble(v.similarity() == null ? Double.NaN : v.similarity());
    }

    private static Verdict readVerdict(In in) {
        String dup = readString(in);
        double sim = in.readDouble();
        return dup == null ? Verdict.NONE : new Verdict(dup, Double.isNaN(sim) ? null : sim);
    }

    private static void writeMatch(Out out, BandMatch m) {
        out.writeBoolean(m != null);
        if (m != null) {
            writeString(out, m.rootId());
            out.writeLong(m.rootTs());
            writeString(out, m.viaId());
            out.writeDouble(m.similarity());
        }
    }

    private static BandMatch readMatch(In in) {
        if (!in.readBoolean()) {
            return null;
        }
        return new BandMatch(readString(in), in.readLong(), readString(in), in.readDouble());
    }

    /** A probe's signature travels as its low 16 bits per value: all the band step compares (see BandLogic). */
    private static void writeShorts(Out out, int[] values) {
        out.writeInt(values == null ? -1 : values.length);
        if (values != null) {
            for (int v : values) {
                out.writeShort(v);
            }
        }
    }

    private static int[] readShorts(In in) {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        in.require(2L * n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = in.readShort();
        }
        return out;
    }

    private static void writeString(Out out, String s) {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(In in) {
        byte[] b = readBytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static void writeBytes(Out out, byte[] b) {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] readBytes(In in) {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return in.readBytes(n);
    }

    /**
     * Big-endian writer with the layout of {@link java.io.DataOutputStream} (so the format is unchanged), into a
     * growable array without per-byte locking.
     */
    static final class Out {
        private byte[] buf;
        private int size;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int extra) {
            if (size + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
            }
        }

        void writeByte(int v) {
            ensure(1);
            buf[size++] = (byte) v;
        }

        void writeBoolean(boolean v) {
            writeByte(v ? 1 : 0);
        }

        void writeShort(int v) {
            ensure(2);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    /** Reader of {@link Out}'s layout; a truncated payload raises {@link BufferUnderflowException}. */
    static final class In {
        private final ByteBuffer buf;

        In(byte[] data) {
            buf = ByteBuffer.wrap(data);
        }

        byte readByte() {
            return buf.get();
        }

        boolean readBoolean() {
            return buf.get() != 0;
        }

        short readShort() {
            return buf.getShort();
        }

        int readUnsignedShort() {
            return buf.getShort() & 0xFFFF;
        }

        int readInt() {
            return buf.getInt();
        }

        long readLong() {
            return buf.getLong();
        }

        double readDouble() {
            return buf.getDouble();
        }

        /** Fails unless at least {@code n} bytes remain (so a corrupt count cannot allocate a huge array). */
        void require(long n) {
            if (n < 0 || n > buf.remaining()) {
                throw new BufferUnderflowException();
            }
        }

        byte[] readBytes(int n) {
            require(n);
            byte[] b = new byte[n];
            buf.get(b);
            return b;
        }
    }
}
