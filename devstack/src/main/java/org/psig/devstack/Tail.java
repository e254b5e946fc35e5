package org.psig.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psig.schemas.WireFormat;

/**
 * {@code ./psig tail <topic> [--once]}: prints a topic's committed records as JSON lines, values
 * decoded through the schema registry, from the beginning; follows new records until Ctrl-C, or
 * stops once caught up with {@code --once}.
 */
public final class Tail {

    private Tail() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: psig tail <topic> [--once]");
            System.exit(2);
        }
        String topic = args[0];
        boolean once = List.of(args).contains("--once");
        String registry = Connection.env("PSIG_REGISTRY_URL", "http://127.0.0.1:8081");
        try (KafkaConsumer<String, Object> consumer = consumer(Connection.fromEnvironment(), registry)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (true) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println(json(record));
                }
                System.out.flush();
                if (once && partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp))) {
                    return;
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, Object> consumer, String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
        } catch (TimeoutException e) {
            System.err.println("Kafka does not answer at " + Connection.env("PSIG_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                    + ": is ./psig up running?");
            System.exit(1);
            return List.of();
        }
        if (infos == null) {
            System.err.println(Connection.env("PSIG_KAFKA_USER", "").isEmpty()
                    ? "No topic '" + topic + "' on the broker."
                    : "No topic '" + topic + "' that " + Connection.env("PSIG_KAFKA_USER", "") + " may read.");
            System.exit(1);
        }
        List<TopicPartition> partitions = new ArrayList<>();
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        return partitions;
    }

    private static KafkaConsumer<String, Object> consumer(Map<String, Object> connection, String registry) {
        Map<String, Object> config = new HashMap<>(WireFormat.serdeConfig(registry));
        config.putAll(connection);
        // A principal that may read a topic may use consumer groups named after itself.
        config.put(ConsumerConfig.GROUP_ID_CONFIG, Connection.env("PSIG_KAFKA_USER", "psig") + "-tail-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), tolerant(values));
    }

    /** A value that is not a record of the registry's schemas: shown for what it is, the tail goes on. */
    record Undecodable(int bytes, String reason) {
    }

    /** A dead letter or a stray write must not stop an operator's view of the rest of the topic. */
    static Deserializer<Object> tolerant(Deserializer<Object> values) {
        return new Deserializer<>() {
            @Override
            public Object deserialize(String topic, byte[] data) {
                return deserialize(topic, null, data);
            }

            @Override
            public Object deserialize(String topic, Headers headers, byte[] data) {
                try {
                    return headers == null ? values.deserialize(topic, data) : values.deserialize(topic, headers, data);
                } catch (RuntimeException unreadable) {
                    return new Undecodable(data == null ? 0 : data.length, String.valueOf(unreadable.getMessage()));
                }
            }
        };
    }

    static String json(ConsumerRecord<String, Object> record) {
        StringBuilder headers = new StringBuilder("{");
        for (Header header : record.headers()) {
            if (headers.length() > 1) {
                headers.append(',');
            }
            headers.append(quote(header.key())).append(':')
                    .append(quote(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        }
        headers.append('}');
        // GenericData renders a record as JSON: field order kept, strings escaped.
        String value = record.value() == null ? "null"
                : record.value() instanceof Undecodable undecodable
                ? "{\"undecodable\":" + quote(undecodable.reason()) + ",\"bytes\":" + undecodable.bytes() + "}"
                : GenericData.get().toString(record.value());
        return "{\"topic\":" + quote(record.topic()) + ",\"partition\":" + record.partition()
                + ",\"offset\":" + record.offset() + ",\"key\":" + (record.key() == null ? "null" : quote(record.key()))
                + ",\"headers\":" + headers + ",\"value\":" + value + "}";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
