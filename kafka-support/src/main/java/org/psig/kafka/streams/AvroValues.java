package org.psig.kafka.streams;

import java.util.HashMap;
import java.util.Map;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.psig.kafka.SchemaOnceAvroSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The contract's Avro values for a Streams topology, in the registry settings every service shares
 * ({@code spring.kafka.properties}): specific records in, the schema looked up once per type out.
 */
public final class AvroValues {

    private AvroValues() {
    }

    public static Map<String, Object> registrySettings(KafkaProperties kafka) {
        Map<String, Object> registry = new HashMap<>(kafka.getProperties());
        registry.put("apicurio.registry.use-specific-avro-reader", true);
        return registry;
    }

    public static Deserializer<Object> deserializer(Map<String, Object> registry) {
        AvroKafkaDeserializer<Object> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(registry, false);
        return deserializer;
    }

    public static Serializer<SpecificRecord> serializer(Map<String, Object> registry) {
        SchemaOnceAvroSerializer<SpecificRecord> serializer = new SchemaOnceAvroSerializer<>();
        serializer.configure(registry, false);
        return serializer;
    }

    @SuppressWarnings("unchecked")
    public static Serde<SpecificRecord> serde(Map<String, Object> registry) {
        Deserializer<SpecificRecord> deserializer = (Deserializer<SpecificRecord>) (Deserializer<?>) deserializer(registry);
        return Serdes.serdeFrom(serializer(registry), deserializer);
    }
}
