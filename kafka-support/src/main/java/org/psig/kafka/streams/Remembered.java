package org.psig.kafka.streams;

import java.util.Optional;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What a service remembers per incident: its own changelogged store, and, for an incident this
 * release has not written yet, what the release before remembered ({@link LegacyMemory}).
 */
public final class Remembered {

    private final KeyValueStore<String, String> own;
    private final Optional<KeyValueStore<String, String>> earlierRelease;

    private Remembered(KeyValueStore<String, String> own, Optional<KeyValueStore<String, String>> earlierRelease) {
        this.own = own;
        this.earlierRelease = earlierRelease;
    }

    /** The store of that name, and the release before's memory if this service was upgraded from it. */
    public static Remembered in(ProcessorContext<?, ?> context, String store) {
        return new Remembered(context.getStateStore(store), LegacyMemory.find(context));
    }

    public Optional<String> find(String incidentId) {
        return Optional.ofNullable(own.get(incidentId)).or(() -> earlierRelease.map(store -> store.get(incidentId)));
    }

    /** Written to the service's own store, in the transaction of the record being processed. */
    public void put(String incidentId, String value) {
        own.put(incidentId, value);
    }
}
