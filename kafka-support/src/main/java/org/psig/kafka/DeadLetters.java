package org.psig.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Sends a record that cannot be processed to {@code <topic>-dlt}, with the exception in Spring
 * Kafka's standard {@code kafka_dlt-*} headers, and counts it.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static String topicFor(String topic) {
        return Topics.deadLetters(topic);
    }

    static ConsumerRecordRecoverer recoverer(KafkaOperations<Object, Object> template, MeterRegistry meters) {
        // Partition -1: the dead-letter topic may have fewer partitions than the source; the key decides.
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(topicFor(record.topic()), -1));
        return (record, exception) -> {
            log.warn("Record {}-{}@{} (key {}) could not be processed and goes to {}: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), topicFor(record.topic()),
                    rootCause(exception).getMessage());
            publisher.accept(record, exception);
            meters.counter("psig.dead.letters", "topic", record.topic(),
                    "exception", rootCause(exception).getClass().getSimpleName()).increment();
        };
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
