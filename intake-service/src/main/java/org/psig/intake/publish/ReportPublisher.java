package org.psig.intake.publish;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.memory.ReportHeaders;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes an accepted report and returns only once Kafka has acknowledged it (acks=all). */
@Component
public class ReportPublisher {

    private final KafkaTemplate<String, IncidentReported> template;
    private final Timer writes;

    ReportPublisher(KafkaTemplate<String, IncidentReported> template, MeterRegistry meters) {
        this.template = template;
        this.writes = Timer.builder("psig.intake.durable.write").description("Time until Kafka acknowledged a report")
                .register(meters);
    }

    /**
     * Returns where the report was written once acks=all came back; throws
     * {@link KafkaUnavailableException} if not by the deadline.
     */
    public KnownReport.Position publish(IncidentReported reported, long deadlineNanos) {
        Timer.Sample sample = Timer.start();
        try {
            ProducerRecord<String, IncidentReported> record = new ProducerRecord<>(Topics.INCIDENT_REPORTED,
                    reported.getIncidentId().toString(), reported);
            ReportHeaders.write(reported, record.headers());
            RecordMetadata written = template.send(record)
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS).getRecordMetadata();
            return new KnownReport.Position(written.partition(), written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while writing the report", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the report in time", e);
        } catch (RuntimeException e) {
            // send() itself gave up: no metadata within max.block.ms, or the schema registry did not
            // answer. Nothing was written, and it is no fault of the sender's: 503, not 500.
            throw new KafkaUnavailableException("The report could not be sent to Kafka: " + e.getMessage(), e);
        } finally {
            sample.stop(writes);
        }
    }
}
