package org.psig.kafka.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.kafka.common.TopicPartition;

/**
 * The dead letters seen in each dead-letter topic, by offset, and how many of them wait for a
 * replay. Offsets are not counted by subtraction: dead letters are written in transactions, and
 * each commit marker takes an offset of its own.
 */
final class DeadLetterTally {

    private final Map<TopicPartition, NavigableSet<Long>> offsets = new HashMap<>();

    /** A partition to report even while it holds no dead letter. */
    void watch(TopicPartition partition) {
        offsets.computeIfAbsent(partition, any -> new TreeSet<>());
    }

    void seen(TopicPartition partition, long offset) {
        offsets.computeIfAbsent(partition, any -> new TreeSet<>()).add(offset);
    }

    /**
     * Dead letters per topic at or beyond the replay group's committed offset of their partition
     * (all of them where the partition was never replayed). Every topic seen is present, at 0 when
     * nothing waits, so that a graph or an alert sees the topic.
     */
    Map<String, Long> waiting(Map<TopicPartition, Long> replayedUpTo) {
        Map<String, Long> waiting = new TreeMap<>();
        offsets.forEach((partition, seen) -> waiting.merge(partition.topic(),
                (long) seen.tailSet(replayedUpTo.getOrDefault(partition, 0L), true).size(), Long::sum));
        return waiting;
    }
}
