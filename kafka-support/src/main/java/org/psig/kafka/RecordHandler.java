package org.psig.kafka;

import java.util.Optional;

/** Decides what one consumed value produces, into {@code out}; throwing refuses the record. */
@FunctionalInterface
public interface RecordHandler<V> {

    void handle(V value, Memory memory, RecordOutput out);

    /** What the service has done per incident, including the records before this one in its batch. */
    @FunctionalInterface
    interface Memory {
        Optional<String> find(String incidentId);
    }
}
