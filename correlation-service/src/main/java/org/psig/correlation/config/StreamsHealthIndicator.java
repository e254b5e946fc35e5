package org.psig.correlation.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Ready while the Streams client runs or rebalances; down once it has stopped or failed, when no
 * campaign can be found any more.
 */
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams health check failed");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams client = streams.getKafkaStreams();
        KafkaStreams.State state = client == null ? null : client.state();
        boolean up = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        (up ? builder.up() : builder.down()).withDetail("state", String.valueOf(state));
    }
}
