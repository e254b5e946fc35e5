package org.psig.devstack.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PromQlSelectorsTest {

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("psig_dead_letters_waiting > 0", List.of("psig_dead_letters_waiting")),
                Arguments.of("psig_ready == 0 or up{job=\"psig-services\"} == 0",
                        List.of("psig_ready", "up{job=\"psig-services\"}")),
                Arguments.of("""
                        (
                          sum by (recipient) (rate(psig_notification_age_seconds_count[5m]))
                          - sum by (recipient) (rate(psig_notification_age_seconds_bucket{le="5.0"}[5m]))
                        )
                        / sum by (recipient) (rate(psig_notification_age_seconds_count[5m]))
                        > 0.01""",
                        List.of("psig_notification_age_seconds_count", "psig_notification_age_seconds_bucket{le=\"5.0\"}")),
                Arguments.of("""
                        sum by (group) (psig_kafka_consumer_lag) > 100
                        and
                        deriv(sum by (group) (psig_kafka_consumer_lag)[10m:1m]) > 0""",
                        List.of("psig_kafka_consumer_lag")),
                // Aggregation clause after the call, vector matching, offset, a string holding braces.
                Arguments.of("sum(rate(a_total{uri=~\"/api/{x}.*\"}[1m] offset 5m)) without (instance)"
                                + " / on (job) group_left b_total unless c",
                        List.of("a_total{uri=~\"/api/{x}.*\"}", "b_total", "c")),
                Arguments.of("histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m]))) * 1e3",
                        List.of("x_bucket")),
                Arguments.of("{__name__=~\"psig_.*\"}", List.of("{__name__=~\"psig_.*\"}")));
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void findsEverySelectorOnce(String expression, List<String> selectors) {
        assertThat(PromQlSelectors.of(expression)).containsExactlyElementsOf(selectors);
    }
}
