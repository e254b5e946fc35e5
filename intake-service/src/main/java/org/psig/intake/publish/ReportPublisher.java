package org.psig.intake.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.intake.config.IntakeProperties;
import io.micrometer.core.instrument.Timer;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Writes an accepted report and returns only once Kafka has acknowledged it (acks=all). */
@Component
public class ReportPublisher {

    private final KafkaTemplate<String, IncidentReported> template;
    private final Duration writeTimeout;
    private final Timer writes;

    ReportPublisher(KafkaTemplate<String, IncidentReported> template, IntakeProperties properties, MeterRegistry meters) {
        this.template = template;
        this.writeTimeout = properties.writeTimeout();
        this.writes = Timer.builder("psig.intake.durable.write").description("Time until Kafka acknowledged a report")
                .publishPercentileHistogram().register(meters);
    }

    public void publish(IncidentReported reported) {
        Timer.Sample sample = Timer.start();
        try {
            template.send(Topics.INCIDENT_REPORTED, reported.getIncidentId().toString(), reported)
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("Interrupted while writing the report", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("Kafka did not acknowledge the report within " + writeTimeout, e);
        } finally {
            sample.stop(writes);
        }
    }
}
