package org.psig.intake.memory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.common.TopicPartition;

/** How far the index reader has read, and a way for request threads to wait for it. */
final class ReadPositions {

    private final Object monitor = new Object();
    private List<TopicPartition> partitions;
    private Map<TopicPartition, Long> endsAtStart;
    private Map<TopicPartition, Long> reached = Map.of();

    void assigned(List<TopicPartition> assignedPartitions, Map<TopicPartition, Long> ends) {
        synchronized (monitor) {
            partitions = List.copyOf(assignedPartitions);
            endsAtStart = Map.copyOf(ends);
            monitor.notifyAll();
        }
    }

    void advanced(Map<TopicPartition, Long> positions) {
        synchronized (monitor) {
            reached = Map.copyOf(positions);
            monitor.notifyAll();
        }
    }

    boolean loaded() {
        synchronized (monitor) {
            return endsAtStart != null && covers(endsAtStart);
        }
    }

    void awaitLoaded(long deadlineNanos) {
        synchronized (monitor) {
            waitUntil(this::loaded, deadlineNanos, "the memory of accepted reports is still loading");
        }
    }

    List<TopicPartition> awaitAssignment(long deadlineNanos) {
        synchronized (monitor) {
            waitUntil(() -> partitions != null, deadlineNanos, "the memory of accepted reports is still starting");
            return partitions;
        }
    }

    void awaitReached(Map<TopicPartition, Long> ends, long deadlineNanos) {
        synchronized (monitor) {
            waitUntil(() -> covers(ends), deadlineNanos, "the memory of accepted reports is behind the topic");
        }
    }

    private boolean covers(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> reached.getOrDefault(end.getKey(), -1L) >= end.getValue());
    }

    private void waitUntil(BooleanSupplier condition, long deadlineNanos, String what) {
        while (!condition.getAsBoolean()) {
            long remaining = deadlineNanos - System.nanoTime();
            if (remaining <= 0) {
                throw new IndexUnavailableException(what);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexUnavailableException("interrupted while " + what);
            }
        }
    }
}
