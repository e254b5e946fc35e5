package org.psig.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psig.schemas.WireFormat;

/**
 * Reads topics as a downstream read_committed consumer would, and keeps every record seen.
 * {@link #catchUp()} returns only once it has read up to the current end of every partition, which
 * lets a test assert that nothing more arrived without sleeping.
 */
public final class TopicRecorder implements AutoCloseable {

    /** The value of a record whose bytes are not a value of the registry's schemas. */
    public static final String UNREADABLE = "<unreadable record>";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, Object> consumer;
    private final List<ConsumerRecord<String, Object>> records = new ArrayList<>();

    public TopicRecorder(String bootstrapServers, String registryUrl, Collection<String> topics) {
        Map<String, Object> config = new HashMap<>(WireFormat.serdeConfig(registryUrl));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put("apicurio.registry.use-specific-avro-reader", true);
        AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
        values.configure(config, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), tolerant(values));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : partitionsOf(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Some tests put unreadable bytes on a topic on purpose, and the broker is shared by every test
     * of a module: such a record is recorded with the value {@link #UNREADABLE} instead of stopping
     * every later reader of that topic.
     */
    private static Deserializer<Object> tolerant(Deserializer<Object> values) {
        return new Deserializer<>() {
            @Override
            public Object deserialize(String topic, byte[] data) {
                try {
                    return values.deserialize(topic, data);
                } catch (RuntimeException unreadable) {
                    return UNREADABLE;
                }
            }

            @Override
            public Object deserialize(String topic, Headers headers, byte[] data) {
                try {
                    return values.deserialize(topic, headers, data);
                } catch (RuntimeException unreadable) {
                    return UNREADABLE;
                }
            }
        };
    }

    /** A topic created a moment ago can be missing from the broker's metadata for a short while. */
    private List<PartitionInfo> partitionsOf(String topic) {
        return await("partitions of " + topic).atMost(TIMEOUT).pollInSameThread()
                .until(() -> consumer.partitionsFor(topic, TIMEOUT), infos -> !infos.isEmpty());
    }

    /** Reads until every partition's position reaches its end offset (last stable offset). */
    public synchronized List<ConsumerRecord<String, Object>> catchUp() {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), TIMEOUT);
        while (!caughtUp(ends)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Did not reach the end of " + ends.keySet() + " within " + TIMEOUT);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    public synchronized List<ConsumerRecord<String, Object>> on(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    /** How many records each topic has shown so far, for failure messages. */
    public synchronized Map<String, Long> counts() {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::topic, TreeMap::new, Collectors.counting()));
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), TIMEOUT) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
