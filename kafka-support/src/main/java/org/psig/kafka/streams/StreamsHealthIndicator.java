package org.psig.kafka.streams;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Ready once the Streams client has run (its first rebalance done, its stores restored), then while
 * it runs or rebalances with a live stream thread; down once it has stopped, failed or lost every
 * thread, when nothing it should process moves any more. Says why: the client's state, its live
 * threads, and the last failure that ended one. A service whose client never reached RUNNING is
 * not ready: it would take reports it does not process yet.
 */
public class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private final ThreadFailures failures;
    private final AtomicBoolean hasRun = new AtomicBoolean();

    public StreamsHealthIndicator(StreamsBuilderFactoryBean streams, ThreadFailures failures) {
        super("Kafka Streams health check failed");
        this.streams = streams;
        this.failures = failures;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams client = streams.getKafkaStreams();
        KafkaStreams.State state = client == null ? null : client.state();
        long live = client == null || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.ERROR ? 0
                : client.metadataForLocalThreads().stream().map(ThreadMetadata::threadState)
                        .filter(thread -> !thread.equals("DEAD") && !thread.equals("PENDING_SHUTDOWN")).count();
        if (state == KafkaStreams.State.RUNNING) {
            hasRun.set(true);
        }
        boolean up = (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING && hasRun.get())
                && live > 0;
        (up ? builder.up() : builder.down()).withDetail("state", String.valueOf(state)).withDetail("liveThreads", live);
        failures.last().ifPresent(last -> builder.withDetail("lastThreadFailure", last));
    }
}
