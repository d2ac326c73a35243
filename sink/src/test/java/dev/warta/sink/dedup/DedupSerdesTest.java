package dev.warta.sink.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.Topics;
import dev.warta.schemas.serde.AvroSerde;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupSerdesTest {
    private static final AvroSerde<EnrichedArticle> ARTICLES =
            AvroSerde.of(EnrichedArticle.class, "mem://dedup-serdes-" + UUID.randomUUID());
    private final DedupSerdes serdes = new DedupSerdes(ARTICLES);

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void shouldRoundTripProbeKeepingLow16BitsOfSignature() {
        DedupMessage m = DedupMessage.probe("id-1", "tok", 42L, false, new int[] {0x12345678, -1, 70000});
        DedupMessage back = roundTrip(serdes.message(), m);
        assertThat(back.kind()).isEqualTo(DedupMessage.Kind.PROBE);
        assertThat(back.articleId()).isEqualTo("id-1");
        assertThat(back.ts()).isEqualTo(42L);
        assertThat(back.signature()).containsExactly((short) 0x5678, -1, (short) 70000);
    }

    @Test
    void shouldRoundTripAnswerAndBucketAndVerdict() {
        BandMatch match = new BandMatch("root", 7L, "via", 0.875);
        assertThat(roundTrip(serdes.message(), DedupMessage.answer("x", "t", match))
                        .match())
                .isEqualTo(match);
        assertThat(roundTrip(serdes.message(), DedupMessage.answer("x", "t", null))
                        .match())
                .isNull();
        List<BandEntry> bucket = List.of(new BandEntry("a", "r", 1L, 2L, new short[] {3, -4}));
        BandEntry back = roundTrip(serdes.bucket(), bucket).get(0);
        assertThat(back.id()).isEqualTo("a");
        assertThat(back.signature()).containsExactly((short) 3, (short) -4);
        assertThat(roundTrip(serdes.verdict(), new Verdict("r", 0.9))).isEqualTo(new Verdict("r", 0.9));
        assertThat(roundTrip(serdes.verdict(), Verdict.NONE)).isEqualTo(Verdict.NONE);
    }

    @Test
    void shouldRoundTripGroupedProbesAndAnswersWithTheArticle() {
        List<Probes.Target> targets = List.of(new Probes.Target("b3:9f", false), new Probes.Target("x:abc", true));
        var article = dev.warta.sink.Articles.article("id-2", dev.warta.sink.Articles.FLOOD);
        DedupMessage probes = DedupMessage.probes(
                "id-2", "tok", 9L, targets, new int[] {1, 2, 3}, ARTICLES.serialize(Topics.ENRICHED, article), 33);
        DedupMessage back = roundTrip(serdes.message(), probes);
        assertThat(back.kind()).isEqualTo(DedupMessage.Kind.PROBES);
        assertThat(back.targets()).isEqualTo(targets);
        assertThat(back.signature()).containsExactly(1, 2, 3);
        assertThat(back.expected()).isEqualTo(33);
        assertThat(ARTICLES.deserialize(Topics.ENRICHED, back.articleBytes())).isEqualTo(article);

        BandMatch match = new BandMatch("root", 7L, "via", 0.875);
        DedupMessage answers = roundTrip(serdes.message(), DedupMessage.answers(back, 2, match));
        assertThat(answers.kind()).isEqualTo(DedupMessage.Kind.ANSWERS);
        assertThat(answers.answered()).isEqualTo(2);
        assertThat(answers.match()).isEqualTo(match);
        assertThat(ARTICLES.deserialize(Topics.ENRICHED, answers.articleBytes()))
                .isEqualTo(article);
        assertThat(answers.carriesArticle()).isTrue();
        assertThat(answers.expected()).isEqualTo(33);

        DedupMessage exactOnly =
                DedupMessage.probes("id-3", "t", 1L, List.of(new Probes.Target("x:1", true)), new int[] {5}, null, 1);
        assertThat(roundTrip(serdes.message(), exactOnly).signature()).isNull();
        assertThat(roundTrip(serdes.message(), exactOnly).expected()).isZero();
    }

    @Test
    void shouldKeepPendingArticlesReadableInTheGatherStateLayout() {
        var article = dev.warta.sink.Articles.article("id-4", dev.warta.sink.Articles.FLOOD);
        byte[] asGather = serdes.gather().serializer().serialize("t", new GatherState(article, 33, 0, null));
        PendingArticle pending = serdes.pending().deserializer().deserialize("t", asGather);
        assertThat(pending.expected()).isEqualTo(33);
        assertThat(ARTICLES.deserialize(Topics.ENRICHED, pending.articleBytes()))
                .isEqualTo(article);
        assertThat(serdes.pending().serializer().serialize("t", pending)).isEqualTo(asGather);
    }

    @Test
    void shouldRejectUnknownFormatWithSerializationException() {
        assertThatThrownBy(() -> serdes.verdict().deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldReadAndWriteTheDataOutputStreamLayoutStoresWereWrittenIn() throws IOException {
        // a one-entry bucket as the first format wrote it with java.io.DataOutputStream
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            out.writeInt(1);
            for (String s : new String[] {"berita-7", "berita-2"}) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            }
            out.writeLong(1_700_000_000_000L);
            out.writeLong(1_700_000_005_000L);
            out.writeShort(3);
            out.writeShort(-2);
            out.writeShort(0x7FFF);
            out.writeShort(0);
        }
        byte[] old = bytes.toByteArray();
        List<BandEntry> bucket = serdes.bucket().deserializer().deserialize("t", old);
        assertThat(bucket).hasSize(1);
        assertThat(bucket.get(0).id()).isEqualTo("berita-7");
        assertThat(bucket.get(0).rootId()).isEqualTo("berita-2");
        assertThat(bucket.get(0).ts()).isEqualTo(1_700_000_005_000L);
        assertThat(bucket.get(0).signature()).containsExactly((short) -2, (short) 0x7FFF, (short) 0);
        assertThat(serdes.bucket().serializer().serialize("t", bucket)).isEqualTo(old);
    }

    @Test
    void shouldRejectTruncatedOrCorruptPayloadsWithoutHugeAllocations() {
        byte[] probe = serdes.message()
                .serializer()
                .serialize("t", DedupMessage.probe("id-1", "tok", 42L, false, new int[64]));
        for (int cut = 1; cut < probe.length; cut += 7) {
            byte[] truncated = java.util.Arrays.copyOf(probe, cut);
            assertThatThrownBy(() -> serdes.message().deserializer().deserialize("t", truncated))
                    .isInstanceOf(SerializationException.class);
        }
        // a bucket claiming two billion entries in a 9-byte payload
        byte[] huge = {1, 0x7F, -1, -1, -1, 0, 0, 0, 0};
        assertThatThrownBy(() -> serdes.bucket().deserializer().deserialize("t", huge))
                .isInstanceOf(SerializationException.class);
    }
}
