package org.psig.kafka.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("psig.incident.reported", 0);

    @ParameterizedTest(name = "committed {0}, start {1}, end {2} -> lag {3}")
    @CsvSource(nullValues = "none", textBlock = """
            # committed, start, end, lag
            none,  0,    0,   0
            none,  0,    42,  42
            none,  10,   42,  32
            40,    0,    42,  2
            42,    0,    42,  0
            # the offset committed after the last record of a transaction points at its marker
            43,    0,    42,  0
            # records removed by retention below the committed offset are no lag
            5,     20,   42,  22
            """)
    void lagPerPartition(Long committed, long start, long end, long expected) {
        Map<TopicPartition, Long> commits = new HashMap<>();
        if (committed != null) {
            commits.put(P0, committed);
        }
        assertThat(ConsumerLag.of(commits, Map.of(P0, start), Map.of(P0, end))).containsExactly(Map.entry(P0, expected));
    }

    @Test
    void everyPartitionWithAnEndIsReportedInOrder() {
        TopicPartition p1 = new TopicPartition("psig.incident.reported", 1);
        TopicPartition other = new TopicPartition("a.topic", 3);
        assertThat(ConsumerLag.of(Map.of(p1, 7L), Map.of(), Map.of(P0, 5L, p1, 9L, other, 1L)))
                .containsExactly(Map.entry(other, 1L), Map.entry(P0, 5L), Map.entry(p1, 2L));
    }
}
