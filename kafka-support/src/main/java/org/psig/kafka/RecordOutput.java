package org.psig.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What processing one consumed record produced: the records to publish, what the service's memory
 * must remember, and what to count once it is committed. Nothing here touches Kafka: a record that
 * is refused half-way through leaves nothing behind.
 */
public final class RecordOutput {

    private final List<ProducerRecord<Object, Object>> records = new ArrayList<>();
    private final Map<String, String> remembered = new LinkedHashMap<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    public RecordOutput send(ProducerRecord<Object, Object> record) {
        records.add(record);
        return this;
    }

    public RecordOutput send(String topic, String key, Object value) {
        return send(new ProducerRecord<>(topic, key, value));
    }

    /** The incident is done: the memory holds {@code value} for it once the transaction commits. */
    public RecordOutput remember(String incidentId, String value) {
        remembered.put(incidentId, value);
        return this;
    }

    /** Runs only if the transaction commits, so that a retried batch counts once. */
    public RecordOutput afterCommit(Runnable action) {
        afterCommit.add(action);
        return this;
    }

    public List<ProducerRecord<Object, Object>> records() {
        return List.copyOf(records);
    }

    public Map<String, String> remembered() {
        return Map.copyOf(remembered);
    }

    public List<Runnable> afterCommitActions() {
        return List.copyOf(afterCommit);
    }
}
