package org.psig.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A slow consumer in a service's group: it takes its share of the partitions, then holds each poll
 * longer than its {@code max.poll.interval.ms}, so the group expels it, and joins again at its next
 * poll. Each expulsion and each return rebalances the group: a rebalance storm, for as long as it
 * runs. It commits nothing: what it fetched is the real instances' to process again.
 */
public final class SlowMember {

    private static final int MAX_POLL_INTERVAL_MS = 3_000;

    private SlowMember() {
    }

    /** Runs the storm for {@code duration}; returns how many times the group gave it partitions. */
    public static int storm(String bootstrap, String group, List<String> topics, Duration duration) {
        return storm(bootstrap, group, topics, duration, 0, duration);
    }

    /**
     * Runs the storm for {@code duration}, and longer (up to {@code atMost}) until the group gave it
     * partitions {@code assignments} times: on a busy machine joining takes a while, and a storm that
     * never got in forced no rebalance. Returns how many times it got partitions.
     */
    public static int storm(String bootstrap, String group, List<String> topics, Duration duration, int assignments,
                            Duration atMost) {
        AtomicInteger given = new AtomicInteger();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.CLIENT_ID_CONFIG, "chaos-slow-member",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, MAX_POLL_INTERVAL_MS,
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long last = begin + atMost.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics, new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (!partitions.isEmpty()) {
                        given.incrementAndGet();
                    }
                }
            });
            while (System.nanoTime() < end || (given.get() < assignments && System.nanoTime() < last)) {
                consumer.poll(Duration.ofMillis(500));
                if (!consumer.assignment().isEmpty()) {
                    // Slow: the poll loop stalls past max.poll.interval.ms; the heartbeat thread then leaves the group.
                    Sleeps.millis(MAX_POLL_INTERVAL_MS + 1_500);
                }
            }
        }
        return given.get();
    }
}
