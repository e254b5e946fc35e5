package org.psig.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.Set;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Ready means the stream threads run: after a first RUNNING, through rebalances, never with every thread dead. */
class StreamsHealthIndicatorTest {

    private final KafkaStreams client = mock(KafkaStreams.class);
    private final StreamsBuilderFactoryBean factory = mock(StreamsBuilderFactoryBean.class);
    private final ThreadFailures failures = new ThreadFailures(new SimpleMeterRegistry(), Clock.systemUTC());
    private final StreamsHealthIndicator health = new StreamsHealthIndicator(factory, failures);

    {
        when(factory.getKafkaStreams()).thenReturn(client);
    }

    private Status with(KafkaStreams.State state, String... threadStates) {
        when(client.state()).thenReturn(state);
        Set<ThreadMetadata> threads = new java.util.HashSet<>();
        for (String threadState : threadStates) {
            ThreadMetadata thread = mock(ThreadMetadata.class);
            when(thread.threadState()).thenReturn(threadState);
            threads.add(thread);
        }
        when(client.metadataForLocalThreads()).thenReturn(threads);
        return health.health(true).getStatus();
    }

    @Test
    void shouldNotBeReadyWhileTheFirstRebalanceIsUnderWay() {
        assertThat(with(KafkaStreams.State.REBALANCING, "PARTITIONS_ASSIGNED")).isEqualTo(Status.DOWN);
        assertThat(with(KafkaStreams.State.RUNNING, "RUNNING")).isEqualTo(Status.UP);
        assertThat(with(KafkaStreams.State.REBALANCING, "PARTITIONS_REVOKED")).as("a later rebalance").isEqualTo(Status.UP);
    }

    @Test
    void shouldNotBeReadyWithEveryThreadDeadOrTheClientStoppedOrFailed() {
        with(KafkaStreams.State.RUNNING, "RUNNING");

        assertThat(with(KafkaStreams.State.RUNNING, "DEAD")).isEqualTo(Status.DOWN);
        assertThat(with(KafkaStreams.State.ERROR)).isEqualTo(Status.DOWN);
        assertThat(with(KafkaStreams.State.NOT_RUNNING)).isEqualTo(Status.DOWN);
        assertThat(with(KafkaStreams.State.PENDING_SHUTDOWN, "PENDING_SHUTDOWN")).isEqualTo(Status.DOWN);
    }

    @Test
    void shouldSayTheLastFailureThatEndedAThread() {
        failures.handle(new IllegalStateException("registry unreachable"));

        assertThat(health.health(true).getDetails().get("lastThreadFailure").toString()).contains("registry unreachable");
    }
}
