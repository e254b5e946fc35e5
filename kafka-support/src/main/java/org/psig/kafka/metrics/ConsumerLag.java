package org.psig.kafka.metrics;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

/**
 * How many committed records of each partition a consumer group has still to process.
 *
 * <p>A partition the group never committed is read from its start ({@code auto.offset.reset:
 * earliest}), so all that it holds is lag. Ends are last stable offsets (read_committed), so
 * records of a transaction still open upstream are not yet lag.
 *
 * <p>Offsets count commit markers too: a partition written in transactions (psig.incident.triaged)
 * reads 1 while idle, the marker after its last record, since the group commits the offset after
 * that record. Spring's fixTxOffsets would commit past it, at the price of one more transaction
 * after each batch; an A/B at 20 reports/s made latency worse with it, so the marker stays.
 */
final class ConsumerLag {

    private ConsumerLag() {
    }

    static Map<TopicPartition, Long> of(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> starts,
                                        Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> lag = new TreeMap<>(ConsumerLag::compare);
        ends.forEach((partition, end) -> {
            long start = starts.getOrDefault(partition, 0L);
            // Records removed below the committed offset are no lag; a committed offset past the
            // stable end (a transaction still open upstream) is no lag either, not a negative one.
            long from = Math.max(committed.getOrDefault(partition, start), start);
            lag.put(partition, Math.max(0, end - from));
        });
        return lag;
    }

    static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}
