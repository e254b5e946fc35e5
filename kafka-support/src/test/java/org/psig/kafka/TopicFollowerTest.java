package org.psig.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.ConsumerFactory;

/** A follower started before the topics it follows exist waits for them, however the client says they are missing. */
class TopicFollowerTest {

    private static final String TOPIC = "psig.incident.triaged";

    @Test
    @SuppressWarnings("unchecked")
    void shouldWaitForATopicWhoseMetadataTimesOutAndThenCatchUp() {
        Consumer<String, Object> consumer = mock(Consumer.class);
        ConsumerFactory<String, Object> consumers = mock(ConsumerFactory.class);
        when(consumers.createConsumer(any(), anyString())).thenReturn(consumer);
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        when(consumer.partitionsFor(eq(TOPIC), any(Duration.class)))
                .thenThrow(new TimeoutException("Timeout expired while fetching topic metadata"))
                .thenReturn(List.of())
                .thenReturn(List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
        when(consumer.endOffsets(List.of(partition))).thenReturn(Map.of(partition, 0L));
        when(consumer.poll(any(Duration.class))).thenReturn(ConsumerRecords.empty());
        when(consumer.position(partition)).thenReturn(0L);
        TopicFollower follower = new TopicFollower(consumers, List.of(TOPIC), "test-feed", record -> { });

        follower.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(follower::caughtUp);
        } finally {
            follower.stop();
        }
        assertThat(follower.caughtUp()).isTrue();
    }
}
