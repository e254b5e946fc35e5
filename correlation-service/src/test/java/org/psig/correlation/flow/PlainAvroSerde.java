package org.psig.correlation.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Avro records without a registry, for the topology test driver: the class name, a zero byte, the binary record. */
final class PlainAvroSerde implements Serde<SpecificRecord> {

    @Override
    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                out.write(record.getClass().getName().getBytes(StandardCharsets.UTF_8));
                out.write(0);
                BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
                new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
                encoder.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return (topic, bytes) -> {
            int zero = 0;
            while (bytes[zero] != 0) {
                zero++;
            }
            try {
                Class<?> type = Class.forName(new String(bytes, 0, zero, StandardCharsets.UTF_8));
                SpecificDatumReader<SpecificRecord> reader = new SpecificDatumReader<>(SpecificData.get().getSchema(type));
                BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, zero + 1, bytes.length), null);
                return reader.read(null, decoder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
