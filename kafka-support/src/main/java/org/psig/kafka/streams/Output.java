package org.psig.kafka.streams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record a processor sends: its topic, key and value (an Avro record, or the raw bytes of a dead
 * letter), and the headers it carries besides the trace context, in their order (readers that
 * print a record's headers show them as written).
 */
public record Output(String topic, String key, Object value, Map<String, String> headers) {

    public Output {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static Output of(String topic, String key, Object value) {
        return new Output(topic, key, value, Map.of());
    }
}
