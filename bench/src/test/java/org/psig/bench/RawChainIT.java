package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** The raw chain on a real broker: every record crosses the three hops once, in either transaction pattern. */
class RawChainIT {

    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    @ParameterizedTest
    @EnumSource(RawChain.Pattern.class)
    void shouldCarryEveryRecordExactlyOnceAndTimeEachOne(RawChain.Pattern pattern) throws Exception {
        ChainRun run = new RawChain(BROKERS, 1_400, pattern).run(100, Duration.ofSeconds(3));

        assertThat(run.pattern()).isEqualTo(pattern);
        assertThat(run.sent()).isEqualTo(300);
        assertThat(run.lost()).isZero();
        assertThat(run.duplicated()).isZero();
        assertThat(run.latencies().count()).isEqualTo(300);
        assertThat(run.toJson()).containsEntry("pattern", pattern.name()).containsEntry("relaysPerHop", pattern.relaysPerHop);
    }
}
