package org.psig.kafka.streams;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/** Avro for the contract's records, as they are for the raw bytes of a dead letter. */
final class OutputSerializer implements Serializer<Output> {

    private final Serializer<SpecificRecord> avro;

    OutputSerializer(Serializer<SpecificRecord> avro) {
        this.avro = avro;
    }

    @Override
    public byte[] serialize(String topic, Output output) {
        return serialize(topic, null, output);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Output output) {
        Object value = output.value();
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] raw) {
            return raw;
        }
        if (value instanceof SpecificRecord record) {
            return avro.serialize(topic, headers, record);
        }
        throw new IllegalArgumentException("Cannot write a " + value.getClass() + " to " + topic);
    }

    @Override
    public void close() {
        avro.close();
    }
}
