package org.psig.correlation.flow;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correlation's own records (sightings between its two stages, tracks in its store) as JSON: they
 * stay inside its internal topics, and JSON keeps a changelog readable to an operator.
 */
final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Class<T> type;

    JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return JSON.readValue(bytes, type);
            } catch (JacksonException e) {
                throw new SerializationException("Not a " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }
}
