package org.psig.notification.flow;

import java.time.Clock;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.state.Stores;
import org.psig.kafka.streams.IncidentStreams;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.Topics;

/** psig.incident.triaged → notification → the ARS, unrouted and HFDS topics; refusals to psig.incident.triaged-dlt. */
public final class NotificationTopology {

    private NotificationTopology() {
    }

    public static void build(StreamsBuilder builder, StreamsParts parts, Serializer<SpecificRecord> avro) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(NotificationProcessor.STORE),
                Serdes.String(), Serdes.String()));
        Notifier notifier = new Notifier(parts.meters(), Clock.systemUTC());
        IncidentStreams.wire(builder, Topics.INCIDENT_TRIAGED, () -> new NotificationProcessor(notifier, parts), avro,
                NotificationProcessor.STORE);
    }
}
