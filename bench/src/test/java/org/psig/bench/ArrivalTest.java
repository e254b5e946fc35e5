package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrivalTest {

    @Test
    void shouldCountARecordThatArrivesTwiceAsDuplicatedAndOneThatNeverArrivesAsLost() {
        Arrival arrival = new Arrival(3);
        arrival.start(0);

        arrival.arrived(0, 0, 1_000_000);
        arrival.arrived(0, 0, 2_000_000);
        arrival.arrived(0, 2, 3_000_000);
        ChainRun run = arrival.result(RawChain.Pattern.BATCH_TRANSACTION, 1);

        assertThat(run.sent()).isEqualTo(3);
        assertThat(run.lost()).isOne();
        assertThat(run.duplicated()).isOne();
        assertThat(run.latencies().count()).isEqualTo(2);
        assertThat(run.sustained()).isFalse();
    }

    @Test
    void shouldCallARunWhereEverythingArrivedOnceWithinASecondSustained() {
        Arrival arrival = new Arrival(2);
        arrival.start(0);

        arrival.arrived(0, 0, 5_000_000);
        arrival.arrived(0, 1, 900_000_000);

        assertThat(arrival.result(RawChain.Pattern.RECORD_TRANSACTION, 1).sustained()).isTrue();
    }
}
