package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateSearchTest {

    @Test
    void shouldClimbFromOneHundredToFiveThousandInStepsNoCoarserThanAQuarter() {
        List<Double> ladder = RateSearch.ladder(100, 5000);

        assertThat(ladder.get(0)).isEqualTo(100);
        assertThat(ladder.get(ladder.size() - 1)).isEqualTo(5000);
        for (int i = 1; i < ladder.size(); i++) {
            assertThat(ladder.get(i) / ladder.get(i - 1)).as("step to " + ladder.get(i)).isGreaterThan(1.0)
                    .isLessThanOrEqualTo(1.26);
        }
    }

    @Test
    void shouldStopAtTheFirstRateNotSustainedAndKeepTheOneBefore() throws Exception {
        List<Double> tried = new ArrayList<>();

        RateSearch.Found found = RateSearch.search(List.of(100.0, 125.0, 156.0, 195.0, 244.0), rate -> {
            tried.add(rate);
            return rate < 190;
        });

        assertThat(found.highestSustained()).isEqualTo(156.0);
        assertThat(found.tried()).containsExactly(100.0, 125.0, 156.0, 195.0).isEqualTo(tried);
    }

    @Test
    void shouldFindNothingWhenEvenTheLowestRateFails() throws Exception {
        RateSearch.Found found = RateSearch.search(List.of(100.0, 125.0), rate -> false);

        assertThat(found.highestSustained()).isZero();
        assertThat(found.tried()).containsExactly(100.0);
    }
}
