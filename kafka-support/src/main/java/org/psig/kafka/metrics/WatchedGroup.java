package org.psig.kafka.metrics;

import java.util.Set;

/**
 * A consumer group a service runs outside Spring's listener containers (a Kafka Streams client), whose
 * lag {@link KafkaPositions} reports beside the listeners' groups.
 */
public record WatchedGroup(String groupId, Set<String> topics) {

    public WatchedGroup {
        topics = Set.copyOf(topics);
    }
}
