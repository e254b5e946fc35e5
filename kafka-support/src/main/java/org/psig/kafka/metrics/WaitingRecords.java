package org.psig.kafka.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * When the oldest record a consumer group has still to process was written: the first committed
 * record at or after the group's offset, per lagging partition. At PSIG's volume (a few reports a
 * day) a lag of one is the alarm, and only its age tells a report in flight from one that waits
 * for a service whose threads stopped. No consumer group: it commits nothing and moves no one's
 * offsets.
 */
final class WaitingRecords implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    WaitingRecords(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * The oldest timestamp among the first waiting records of these partitions (each from the offset
     * given); empty when none holds a committed record there (commit markers only).
     */
    Optional<Instant> oldest(Map<TopicPartition, Long> from, Duration timeout) {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        consumer.assign(from.keySet());
        from.forEach(consumer::seek);
        Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet(), timeout);
        Map<TopicPartition, Long> firsts = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firsts.size() < from.size() && System.nanoTime() < deadline
                && from.keySet().stream().anyMatch(tp -> !firsts.containsKey(tp) && consumer.position(tp, timeout) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                firsts.putIfAbsent(partition, record.timestamp());
                consumer.pause(java.util.List.of(partition));
            }
        }
        consumer.resume(consumer.paused());
        return firsts.values().stream().min(Long::compare).map(Instant::ofEpochMilli);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
