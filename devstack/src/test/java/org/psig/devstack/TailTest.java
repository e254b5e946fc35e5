package org.psig.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

class TailTest {

    private static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type":"record","name":"Note","fields":[{"name":"text","type":"string"},
             {"name":"region","type":["null","string"],"default":null}]}""");

    @Test
    void shouldPrintARecordAsOneLineOfValidJson() throws Exception {
        GenericRecord value = new GenericData.Record(SCHEMA);
        value.put("text", "Rançongiciel \"LockBit\"\nsur le DPI");
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("psig.notification.hfds", 2, 41L, "id-1", value);
        record.headers().add("psig-region", "53".getBytes(StandardCharsets.UTF_8));

        String line = Tail.json(record);

        assertThat(line).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("topic").asText()).isEqualTo("psig.notification.hfds");
        assertThat(json.get("offset").asLong()).isEqualTo(41L);
        assertThat(json.get("key").asText()).isEqualTo("id-1");
        assertThat(json.get("headers").get("psig-region").asText()).isEqualTo("53");
        assertThat(json.get("value").get("text").asText()).isEqualTo("Rançongiciel \"LockBit\"\nsur le DPI");
        assertThat(json.get("value").get("region").isNull()).isTrue();
    }

    @Test
    void shouldPrintANullKeyAndValueAsJsonNull() throws Exception {
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("t", 0, 0L, null, null);

        JsonNode json = new ObjectMapper().readTree(Tail.json(record));

        assertThat(json.get("key").isNull()).isTrue();
        assertThat(json.get("value").isNull()).isTrue();
    }

    @Test
    void shouldShowAnUndecodableValueForWhatItIsAndGoOn() throws Exception {
        Deserializer<Object> failing = (topic, data) -> {
            throw new IllegalStateException("artifact reference cannot be null");
        };
        Object value = Tail.tolerant(failing).deserialize("psig.incident.reported", "not an Avro record".getBytes());
        ConsumerRecord<String, Object> record = new ConsumerRecord<>("psig.incident.reported", 2, 0L, null, value);

        JsonNode json = new ObjectMapper().readTree(Tail.json(record));

        assertThat(json.get("value").get("undecodable").asText()).isEqualTo("artifact reference cannot be null");
        assertThat(json.get("value").get("bytes").asInt()).isEqualTo(18);
    }
}
