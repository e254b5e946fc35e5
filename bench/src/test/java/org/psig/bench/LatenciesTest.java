package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000L;
    private static final long START = 1_000_000_000L;

    @Test
    void shouldMeasureFromTheIntendedSendTimeNotFromTheActualOne() {
        Latencies latencies = new Latencies(START);

        // Intended at START, sent late by a stalled sender, completed 250 ms after the intended time.
        latencies.record(START, START + 250 * MS);

        assertThat(latencies.percentileMillis(50)).isCloseTo(250, within(0.5));
    }

    @Test
    void shouldGiveTheUsualPercentilesOfOneHundredLatencies() {
        Latencies latencies = new Latencies(START);
        for (int i = 1; i <= 100; i++) {
            latencies.record(START, START + i * MS);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMillis(50)).isCloseTo(50, within(0.1));
        assertThat(latencies.percentileMillis(99)).isCloseTo(99, within(0.1));
        assertThat(latencies.maxMillis()).isCloseTo(100, within(0.1));
        assertThat(latencies.toJson()).containsKeys("p50", "p90", "p99", "p999", "max").containsEntry("latencyUnit", "ms");
    }

    @Test
    void shouldFileEachLatencyUnderTheSecondOfItsIntendedSendTime() {
        Latencies latencies = new Latencies(START);

        latencies.record(START + 100 * MS, START + 110 * MS);
        latencies.record(START + 2_500 * MS, START + 3_500 * MS);

        assertThat(latencies.timeline()).containsOnlyKeys(0L, 2L);
        assertThat(latencies.timeline().get(2L)[1]).isCloseTo(1000, within(1.0));
    }

    @Test
    void shouldCountALatencyBelowOneMicrosecondAsOneAndCapTheLongestAtAnHour() {
        Latencies latencies = new Latencies(START);

        latencies.record(START, START);
        latencies.record(START, START + 2 * 3_600_000 * MS);

        assertThat(latencies.count()).isEqualTo(2);
        assertThat(latencies.maxMillis()).isCloseTo(3_600_000, within(3_600.0));
    }
}
