package org.psig.kafka.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topics from their start, then only what was added since, and tells the
 * tally each committed dead letter's offset. No consumer group: it commits nothing and moves no
 * one's offsets.
 */
final class DeadLetterReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    DeadLetterReader(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void readNew(List<TopicPartition> partitions, DeadLetterTally tally, Duration timeout) {
        if (!consumer.assignment().equals(new HashSet<>(partitions))) {
            consumer.assign(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < ends.get(tp))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                tally.seen(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
