package org.psig.kafka.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * The shape of a processing service: one input topic read as raw bytes (so that a value nobody can
 * read is a dead letter, not a stopped thread), one {@link IncidentProcessor}, and every record it
 * decides sent to the topic it names, dead letters included.
 */
public final class IncidentStreams {

    private IncidentStreams() {
    }

    public static void wire(StreamsBuilder builder, String input, ProcessorSupplier<String, byte[], String, Output> processor,
                            Serializer<SpecificRecord> avro, String... stores) {
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + input))
                .process(processor, Named.as("process-" + input), stores)
                .to((key, output, context) -> output.topic(),
                        Produced.with(Serdes.String(), outputs(avro)).withName("send-outputs"));
    }

    private static Serde<Output> outputs(Serializer<SpecificRecord> avro) {
        OutputSerializer serializer = new OutputSerializer(avro);
        Deserializer<Output> never = (topic, data) -> {
            throw new UnsupportedOperationException("Outputs are only written");
        };
        return Serdes.serdeFrom(serializer, never);
    }
}
