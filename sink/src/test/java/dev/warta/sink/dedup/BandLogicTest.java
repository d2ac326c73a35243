package dev.warta.sink.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandLogicTest {
    private static int[] sig(int fill, int differing) {
        int[] s = new int[100];
        Arrays.fill(s, fill);
        for (int i = 0; i < differing; i++) {
            s[i] = fill + 1000 + i;
        }
        return s;
    }

    @Test
    void shouldRememberFirstArticleAndAnswerNothingForAnEmptyBucket() {
        BandLogic.Probed p = BandLogic.probe(List.of(), "a", 10, sig(7, 0), false, 0.8, 4);
        assertThat(p.match()).isNull();
        assertThat(p.updated()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("a");
            assertThat(e.rootId()).isEqualTo("a");
            assertThat(e.rootTs()).isEqualTo(10);
        });
    }

    @Test
    void shouldMatchSimilarEntryAndInheritItsRoot() {
        BandEntry first = new BandEntry("b", "a", 5, 10, BandLogic.low16(sig(7, 0)));
        BandLogic.Probed p = BandLogic.probe(List.of(first), "c", 20, sig(7, 10), false, 0.8, 4);
        assertThat(p.match()).isEqualTo(new BandMatch("a", 5, "b", 0.9));
        assertThat(p.updated()).hasSize(2);
        assertThat(p.updated().get(1).rootId()).isEqualTo("a");
    }

    @Test
    void shouldIgnoreEntriesBelowThreshold() {
        BandEntry first = new BandEntry("a", "a", 5, 5, BandLogic.low16(sig(7, 0)));
        BandLogic.Probed p = BandLogic.probe(List.of(first), "c", 20, sig(7, 30), false, 0.8, 4);
        assertThat(p.match()).isNull();
        assertThat(p.updated().get(1).rootId()).isEqualTo("c");
    }

    @Test
    void shouldNeverMatchItselfNorStoreItTwice() {
        BandEntry self = new BandEntry("a", "a", 5, 5, BandLogic.low16(sig(7, 0)));
        BandLogic.Probed p = BandLogic.probe(List.of(self), "a", 50, sig(7, 0), false, 0.8, 4);
        assertThat(p.match()).isNull();
        assertThat(p.updated()).isNull();
    }

    @Test
    void shouldStopStoringWhenBucketIsFullButStillAnswer() {
        BandEntry a = new BandEntry("a", "a", 1, 1, BandLogic.low16(sig(7, 0)));
        BandLogic.Probed p = BandLogic.probe(List.of(a), "b", 2, sig(7, 0), false, 0.8, 1);
        assertThat(p.updated()).isNull();
        assertThat(p.match().rootId()).isEqualTo("a");
    }

    @Test
    void shouldReportSimilarityOneInExactBand() {
        BandEntry a = new BandEntry("a", "a", 1, 1, new short[0]);
        BandLogic.Probed p = BandLogic.probe(List.of(a), "b", 2, new int[0], true, 0.8, 4);
        assertThat(p.match().similarity()).isEqualTo(1.0);
    }

    @Test
    void shouldPreferEarliestRootThenHighestSimilarity() {
        BandMatch early = new BandMatch("a", 1, "x", 0.81);
        BandMatch late = new BandMatch("b", 2, "y", 0.99);
        BandMatch earlyBetter = new BandMatch("a", 1, "z", 0.95);
        assertThat(BandMatch.better(late, early)).isSameAs(early);
        assertThat(BandMatch.better(early, earlyBetter)).isSameAs(earlyBetter);
        assertThat(BandMatch.better(null, late)).isSameAs(late);
    }
}
