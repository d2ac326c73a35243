package dev.warta.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTimingTest {
    /** Collects the calls per step; measures CPU when asked to. */
    private static final class Recorder implements StepTimer {
        final Map<Analysis.Step, Long> wall = new EnumMap<>(Analysis.Step.class);
        final Map<Analysis.Step, Long> cpu = new EnumMap<>(Analysis.Step.class);
        final boolean wantsCpu;

        Recorder(boolean wantsCpu) {
            this.wantsCpu = wantsCpu;
        }

        @Override
        public synchronized void record(Analysis.Step step, long nanos) {
            wall.merge(step, nanos, Long::sum);
        }

        @Override
        public boolean measuresCpu() {
            return wantsCpu;
        }

        @Override
        public synchronized void recordCpu(Analysis.Step step, long cpuNanos) {
            cpu.merge(step, cpuNanos, Long::sum);
        }
    }

    private static final String BODY =
            "Banjir melanda Samarinda\n\nWali Kota Samarinda Andi Harun meninjau lokasi banjir "
                    + "di Kecamatan Sungai Pinang pada Senin pagi. Badan Penanggulangan Bencana Daerah mencatat ratusan rumah "
                    + "terendam setelah hujan deras sejak Minggu malam.";

    @Test
    void shouldReportTheThreadCpuTimeOfEveryTimedStepWhenTheTimerAsks() {
        Recorder timer = new Recorder(true);
        Analysis.standard("t", timer).analyze(EnrichTopologyTest.textPage("c1", BODY));

        assertThat(timer.cpu.keySet())
                .isEqualTo(timer.wall.keySet())
                .contains(Analysis.Step.CLEAN, Analysis.Step.LANGUAGE, Analysis.Step.ENTITIES);
        assertThat(timer.cpu.values()).allSatisfy(n -> assertThat(n).isNotNegative());
        assertThat(timer.cpu.values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void shouldNotReadCpuClocksForATimerThatDoesNotAsk() {
        Recorder timer = new Recorder(false);
        Analysis.standard("t", timer).analyze(EnrichTopologyTest.textPage("c2", BODY));

        assertThat(timer.wall).isNotEmpty();
        assertThat(timer.cpu).isEmpty();
    }
}
