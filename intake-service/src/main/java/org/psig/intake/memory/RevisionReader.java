package org.psig.intake.memory;

import java.time.Duration;
import java.util.List;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one accepted revision back from {@code psig.incident.reported}, where the memory says it
 * lies: the next revision is merged into it. The memory keeps no report bodies (a few hundred bytes
 * per incident instead of kilobytes), and updates are rare next to reports, so one reader, one
 * request at a time, is enough.
 */
@Component
public class RevisionReader implements DisposableBean {

    private static final Duration POLL = Duration.ofMillis(100);

    private final ConsumerFactory<String, ?> consumerFactory;
    private Consumer<String, byte[]> consumer;
    private AvroKafkaDeserializer<Object> reader;

    RevisionReader(ConsumerFactory<String, ?> consumerFactory) {
        this.consumerFactory = consumerFactory;
    }

    /** The revision's record; throws {@link IndexUnavailableException} when Kafka does not give it by the deadline. */
    public synchronized IncidentReported read(KnownReport revision, long deadlineNanos) {
        TopicPartition partition = new TopicPartition(Topics.INCIDENT_REPORTED, revision.position().partition());
        long offset = revision.position().offset();
        try {
            Consumer<String, byte[]> records = consumer();
            records.assign(List.of(partition));
            records.seek(partition, offset);
            while (System.nanoTime() < deadlineNanos) {
                for (ConsumerRecord<String, byte[]> record : records.poll(POLL)) {
                    if (record.offset() == offset) {
                        return decode(record);
                    }
                }
            }
        } catch (KafkaException e) {
            close();
            throw new IndexUnavailableException("Revision " + revision.revision() + " of incident "
                    + revision.incidentId() + " could not be read back: " + e.getMessage());
        }
        throw new IndexUnavailableException("Revision " + revision.revision() + " of incident "
                + revision.incidentId() + " could not be read back in time");
    }

    private IncidentReported decode(ConsumerRecord<String, byte[]> record) {
        if (reader.deserialize(record.topic(), record.headers(), record.value()) instanceof IncidentReported reported) {
            return reported;
        }
        throw new IllegalStateException("Record " + record.partition() + "@" + record.offset() + " of "
                + Topics.INCIDENT_REPORTED + " is not a report");
    }

    private Consumer<String, byte[]> consumer() {
        if (consumer == null) {
            consumer = RawConsumers.create(consumerFactory, "intake-revision-reader");
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
