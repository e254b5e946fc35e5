package org.psig.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The contract's Avro values in the Confluent wire format (zero, a 4-byte schema id, the binary
 * value) against an in-memory registry, for topology tests that run without one. It can be taken
 * down, as a real registry goes away: reading a value then fails as the client's connection would.
 */
public final class FakeRegistry {

    private final List<Schema> schemas = new ArrayList<>();
    private volatile boolean down;

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    public Serializer<SpecificRecord> serializer() {
        return (topic, record) -> record == null ? null : write(record);
    }

    public Deserializer<Object> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    public byte[] write(SpecificRecord record) {
        int id = idOf(record.getSchema());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public Object read(byte[] bytes) {
        if (down) {
            throw new IllegalStateException("Could not reach the registry", new ConnectException("Connection refused"));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        int id = buffer.getInt();
        Schema schema;
        synchronized (schemas) {
            if (id < 0 || id >= schemas.size()) {
                throw new IllegalStateException("Lookup failed", new ContentNotFoundException("No content with id " + id));
            }
            schema = schemas.get(id);
        }
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
        try {
            return new SpecificDatumReader<>(schema, schema, SpecificData.get()).read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int idOf(Schema schema) {
        synchronized (schemas) {
            int id = schemas.indexOf(schema);
            if (id < 0) {
                schemas.add(schema);
                id = schemas.size() - 1;
            }
            return id;
        }
    }

    /** As the registry client says it has no schema of that id. */
    public static final class ContentNotFoundException extends RuntimeException {
        ContentNotFoundException(String message) {
            super(message);
        }
    }
}
