package org.psig.intake.memory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * The last committed offset of each partition. Concurrent requests share one broker round trip: a
 * request may reuse any answer whose question was asked after the request arrived, which is all that
 * read-your-writes needs, so a burst of requests costs a few round trips, not one each.
 */
@Component
class EndOffsets implements DisposableBean {

    private final Admin admin;
    private final ReentrantLock probing = new ReentrantLock();
    private long lastAskedAt = Long.MIN_VALUE;
    private Map<TopicPartition, Long> lastAnswer = Map.of();

    EndOffsets(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    Map<TopicPartition, Long> latest(List<TopicPartition> partitions, long deadlineNanos) {
        long arrivedAt = System.nanoTime();
        try {
            if (!probing.tryLock(deadlineNanos - arrivedAt, TimeUnit.NANOSECONDS)) {
                throw new IndexUnavailableException("Kafka did not give the end of the reports topic in time");
            }
            try {
                if (lastAskedAt - arrivedAt >= 0 && lastAnswer.keySet().containsAll(partitions)) {
                    return lastAnswer;
                }
                long askedAt = System.nanoTime();
                lastAnswer = ask(partitions, deadlineNanos - askedAt);
                lastAskedAt = askedAt;
                return lastAnswer;
            } finally {
                probing.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexUnavailableException("interrupted while asking Kafka for the end of the reports topic");
        }
    }

    private Map<TopicPartition, Long> ask(List<TopicPartition> partitions, long timeoutNanos) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> answer = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)
                            .timeoutMs((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos))))
                    .all().get(timeoutNanos, TimeUnit.NANOSECONDS)
                    .forEach((partition, info) -> answer.put(partition, info.offset()));
            return Map.copyOf(answer);
        } catch (ExecutionException | TimeoutException e) {
            throw new IndexUnavailableException("Kafka did not give the end of the reports topic in time");
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
