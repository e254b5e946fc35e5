package org.psig.intake.memory;

import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Consumers of the reports topic for the intake's memory: the service's connection and security
 * settings, values left as bytes (the memory reads keys and headers), and only committed records,
 * on which read-your-writes rests.
 */
public final class RawConsumers {

    private RawConsumers() {
    }

    @SuppressWarnings("unchecked")
    public static Consumer<String, byte[]> create(ConsumerFactory<String, ?> factory, String clientId) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return (Consumer<String, byte[]>) factory.createConsumer(null, clientId, null, overrides);
    }
}
