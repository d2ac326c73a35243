package dev.warta.sink.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warta.schemas.EnrichedArticle;
import dev.warta.schemas.serde.AvroSerde;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class DedupSerdesTest {
    private final DedupSerdes serdes =
            new DedupSerdes(AvroSerde.of(EnrichedArticle.class, "mem://dedup-serdes-" + UUID.randomUUID()));

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
        assertThat(roundTrip(serdes.message(), DedupMessage.answer("x", "t", match)).match()).isEqualTo(match);
        assertThat(roundTrip(serdes.message(), DedupMessage.answer("x", "t", null)).match()).isNull();
        List<BandEntry> bucket = List.of(new BandEntry("a", "r", 1L, 2L, new short[] {3, -4}));
        BandEntry back = roundTrip(serdes.bucket(), bucket).get(0);
        assertThat(back.id()).isEqualTo("a");
        assertThat(back.signature()).containsExactly((short) 3, (short) -4);
        assertThat(roundTrip(serdes.verdict(), new Verdict("r", 0.9))).isEqualTo(new Verdict("r", 0.9));
        assertThat(roundTrip(serdes.verdict(), Verdict.NONE)).isEqualTo(Verdict.NONE);
    }

    @Test
    void shouldRejectUnknownFormatWithSerializationException() {
        assertThatThrownBy(() -> serdes.verdict().deserializer().deserialize("t", new byte[] {9, 0}))
                .isInstanceOf(SerializationException.class);
    }
}
