package org.psig.kafka;

import org.psig.schemas.Topics;

/**
 * Where a record that can never be processed goes: {@code <topic>-dlt}, with the reason in Spring
 * Kafka's standard {@code kafka_dlt-*} headers ({@link org.psig.kafka.streams.IncidentProcessor}).
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static String topicFor(String topic) {
        return Topics.deadLetters(topic);
    }
}
