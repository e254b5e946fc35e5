package org.psig.intake.memory;

import java.time.Duration;
import java.util.List;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one record back from where the memory says it lies: the revision the next one is merged
 * into, the verdict whose reasons a status shows. The memory keeps positions, not bodies (a few
 * hundred bytes per incident instead of kilobytes), and such reads are rare next to reports, so one
 * reader, one request at a time, is enough.
 */
@Component
public class RecordReader implements DisposableBean {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerFactory<String, ?> consumerFactory;
    private Consumer<String, byte[]> consumer;
    private AvroKafkaDeserializer<Object> reader;

    RecordReader(ConsumerFactory<String, ?> consumerFactory) {
        this.consumerFactory = consumerFactory;
    }

    /** The record at the position, decoded; throws {@link IndexUnavailableException} when Kafka does not give it by the deadline. */
    public synchronized <T> T read(String topic, KnownReport.Position position, Class<T> type, long deadlineNanos) {
        TopicPartition partition = new TopicPartition(topic, position.partition());
        long offset = position.offset();
        try {
            Consumer<String, byte[]> records = consumer();
            records.assign(List.of(partition));
            records.seek(partition, offset);
            while (System.nanoTime() < deadlineNanos) {
                for (ConsumerRecord<String, byte[]> record : records.poll(POLL)) {
                    if (record.offset() == offset) {
                        return decode(record, type);
                    }
                }
            }
        } catch (KafkaException e) {
            close();
            throw new IndexUnavailableException("Record " + partition + "@" + offset + " could not be read back: "
                    + e.getMessage());
        }
        throw new IndexUnavailableException("Record " + partition + "@" + offset + " could not be read back in time");
    }

    private <T> T decode(ConsumerRecord<String, byte[]> record, Class<T> type) {
        Object value = reader.deserialize(record.topic(), record.headers(), record.value());
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        throw new IllegalStateException("Record " + record.partition() + "@" + record.offset() + " of "
                + record.topic() + " is not a " + type.getSimpleName());
    }

    private Consumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = RawConsumers.create(consumerFactory, "intake-record-reader");
            reader = new AvroKafkaDeserializer<>();
            reader.configure(consumerFactory.getConfigurationProperties(), false);
        }
        return consumer;
    }

    private void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
            consumer = null;
        }
    }

    @Override
    public synchronized void destroy() {
        close();
    }
}
