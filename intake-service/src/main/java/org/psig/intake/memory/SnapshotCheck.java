package org.psig.intake.memory;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;

/** Whether a snapshot may stand for the beginning of the topics it covers, as they are now. */
final class SnapshotCheck {

    private SnapshotCheck() {
    }

    /**
     * Why the snapshot cannot be used, or empty when it can: each topic it read must still be the same
     * topic (same id), and each of its partitions must still reach at least as far as it had read.
     */
    static Optional<String> unusable(SnapshotFile.Coverage coverage, Map<String, String> topicIds,
                                     Map<TopicPartition, Long> ends) {
        for (Map.Entry<String, String> topic : coverage.topicIds().entrySet()) {
            String now = topicIds.get(topic.getKey());
            if (!topic.getValue().equals(now)) {
                return Optional.of("topic " + topic.getKey() + " is not the one it read (id " + topic.getValue()
                        + ", now " + (now == null ? "absent" : now) + ")");
            }
        }
        for (Map.Entry<TopicPartition, Long> position : coverage.positions().entrySet()) {
            TopicPartition partition = position.getKey();
            Long end = ends.get(partition);
            if (!coverage.topicIds().containsKey(partition.topic())) {
                return Optional.of("it holds a position on " + partition + " without the topic's id");
            }
            if (end == null) {
                return Optional.of("partition " + partition + " is gone");
            }
            if (position.getValue() > end) {
                return Optional.of("it had read " + partition + " up to " + position.getValue()
                        + ", the partition now ends at " + end);
            }
        }
        return Optional.empty();
    }
}
