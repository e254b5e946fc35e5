package org.psig.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.psig.schemas.Topics;

/**
 * {@code ./psig replay-dlt <topic>}: puts the dead letters of a topic back on the topic they came
 * from, once the cause is fixed. Each dead letter is replayed once: the copies and the progress
 * (offsets of the consumer group {@code psig-replay-dlt}) commit in one Kafka transaction, so a
 * replay that is interrupted or run twice re-sends nothing already sent. Consumers downstream
 * recognise an incident they already handled (triage and notification keep that memory), so a
 * replayed record that had in fact been processed notifies nobody twice. Only the dead letters
 * present when the replay starts are replayed: one that fails again goes back to the dead-letter
 * topic and waits for the next replay.
 */
public final class ReplayDeadLetters {

    static final String GROUP = Topics.DEAD_LETTER_REPLAY_GROUP;
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

    private ReplayDeadLetters() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: psig replay-dlt <topic>   (the source topic, or its -dlt topic)");
            System.exit(2);
        }
        String deadLetters = args[0].endsWith("-dlt") ? args[0] : args[0] + "-dlt";
        int replayed = replay(Connection.fromEnvironment(), deadLetters);
        System.out.println("replayed " + replayed + " dead letter(s) from " + deadLetters);
    }

    /** Replays every dead letter of {@code deadLetters} not replayed yet; returns how many. */
    public static int replay(Map<String, Object> connection, String deadLetters) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(connection);
             KafkaProducer<byte[], byte[]> producer = producer(connection, deadLetters)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(deadLetters, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            producer.initTransactions();
            int replayed = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500));
                if (batch.isEmpty()) {
                    continue;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        producer.send(copy(record, deadLetters));
                        replayed++;
                    }
                    progress.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(progress, consumer.groupMetadata());
                producer.commitTransaction();
            }
            return replayed;
        }
    }

    /** The original key, value and headers, without the dead-letter headers, to the original topic. */
    private static ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> record, String deadLetters) {
        Header original = record.headers().lastHeader(ORIGINAL_TOPIC);
        String topic = original != null ? new String(original.value(), StandardCharsets.UTF_8)
                : deadLetters.substring(0, deadLetters.length() - "-dlt".length());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-")) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(Map<String, Object> connection, String deadLetters) {
        Map<String, Object> config = new HashMap<>(connection);
        // One id per dead-letter topic: a second replay of the same topic fences a forgotten first one.
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP + "-" + deadLetters);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
