package dev.warta.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ProgressWatchTest {
    private static final TopicPartition RAW0 = new TopicPartition("news.raw", 0);
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final long NOW = 1_000_000_000L;

    private static TransactionDescription txn(
            TransactionState state, long startedMsAgo, Set<TopicPartition> partitions) {
        return new TransactionDescription(1, state, 42L, 3, 10_000, OptionalLong.of(NOW - startedMsAgo), partitions);
    }

    @Test
    void shouldCallAnOpenPartitionTransactionHangingWhenItCanOnlyEndInAnAbort() {
        assertThat(ProgressWatch.hangingReason(RAW0, txn(TransactionState.COMPLETE_ABORT, 5_000, Set.of()), NOW, HANG))
                .contains("CompleteAbort");
        assertThat(ProgressWatch.hangingReason(RAW0, txn(TransactionState.ONGOING, 71_000, Set.of(RAW0)), NOW, HANG))
                .contains("past its 10 s timeout");
    }

    @Test
    void shouldNeverAbortATransactionItsCoordinatorMayHaveCommitted() {
        // aborting these would drop records whose input offsets were committed: acknowledged articles lost
        assertThat(ProgressWatch.hangingReason(RAW0, txn(TransactionState.COMPLETE_COMMIT, 5_000, Set.of()), NOW, HANG))
                .isNull();
        assertThat(ProgressWatch.hangingReason(RAW0, null, NOW, HANG)).isNull();
        assertThat(ProgressWatch.hangingReason(
                        RAW0,
                        txn(TransactionState.ONGOING, 5_000, Set.of(new TopicPartition("news.raw", 1))),
                        NOW,
                        HANG))
                .isNull();
        assertThat(ProgressWatch.hangingReason(
                        RAW0, txn(TransactionState.PREPARE_COMMIT, 95_000, Set.of(RAW0)), NOW, HANG))
                .isNull();
    }

    @Test
    void shouldLeaveATransactionItsCoordinatorIsStillWorkingOnAlone() {
        assertThat(ProgressWatch.hangingReason(RAW0, txn(TransactionState.ONGOING, 5_000, Set.of(RAW0)), NOW, HANG))
                .isNull();
        assertThat(ProgressWatch.hangingReason(
                        RAW0, txn(TransactionState.PREPARE_COMMIT, 65_000, Set.of(RAW0)), NOW, HANG))
                .isNull();
    }
}
