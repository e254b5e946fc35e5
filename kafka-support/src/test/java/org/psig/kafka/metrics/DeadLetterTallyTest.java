package org.psig.kafka.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeadLetterTallyTest {

    private static final TopicPartition TRIAGED_0 = new TopicPartition("psig.incident.triaged-dlt", 0);
    private static final TopicPartition TRIAGED_1 = new TopicPartition("psig.incident.triaged-dlt", 1);
    private static final TopicPartition REPORTED_0 = new TopicPartition("psig.incident.reported-dlt", 0);

    @Test
    void aWatchedTopicWithoutDeadLettersReportsZero() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.watch(REPORTED_0);
        assertThat(tally.waiting(Map.of())).containsExactly(Map.entry("psig.incident.reported-dlt", 0L));
    }

    @Test
    void countsRecordsNotOffsets() {
        DeadLetterTally tally = threeOnTriaged0();
        assertThat(tally.waiting(Map.of())).containsEntry("psig.incident.triaged-dlt", 3L);
    }

    @Test
    void onlyWhatLiesAtOrBeyondTheReplayedOffsetWaits() {
        DeadLetterTally tally = threeOnTriaged0();
        tally.seen(TRIAGED_1, 0);
        tally.seen(REPORTED_0, 7);
        // The replay committed offset 3 on partition 0 (records 0 and 2 replayed), nothing elsewhere.
        assertThat(tally.waiting(Map.of(TRIAGED_0, 3L)))
                .containsExactly(Map.entry("psig.incident.reported-dlt", 1L), Map.entry("psig.incident.triaged-dlt", 2L));
        // A dead letter seen twice (the reader re-read a partition) is one dead letter.
        tally.seen(TRIAGED_1, 0);
        assertThat(tally.waiting(Map.of(TRIAGED_0, 5L, TRIAGED_1, 1L, REPORTED_0, 8L)))
                .containsExactly(Map.entry("psig.incident.reported-dlt", 0L), Map.entry("psig.incident.triaged-dlt", 0L));
    }

    /** Dead letters at offsets 0, 2 and 4; 1 and 3 are the commit markers of the transactions that wrote them. */
    private static DeadLetterTally threeOnTriaged0() {
        DeadLetterTally tally = new DeadLetterTally();
        tally.seen(TRIAGED_0, 0);
        tally.seen(TRIAGED_0, 2);
        tally.seen(TRIAGED_0, 4);
        return tally;
    }
}
