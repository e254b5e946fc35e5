package org.psig.notification.flow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.psig.kafka.BatchTransactions;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.PoisonRecordException;
import org.psig.kafka.RecordHandler;
import org.psig.kafka.RecordOutput;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes verdicts and publishes their two notifications, one Kafka transaction per poll batch:
 * the ARS (or unrouted) copies, the HFDS copies, the memory of the notified incidents and the
 * consumed offsets commit together or not at all. A verdict for an incident already notified (a
 * replayed dead letter, a verdict seen twice) is skipped, so no recipient is told twice.
 */
@Component
class TriagedIncidentListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(TriagedIncidentListener.class);

    private final BatchTransactions batches;
    private final IncidentMemory notified;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();

    TriagedIncidentListener(BatchTransactions batches, IncidentMemory notified, MeterRegistry meters) {
        this.batches = batches;
        this.notified = notified;
        this.meters = meters;
    }

    @KafkaListener(id = "notification", idIsGroup = false, topics = Topics.INCIDENT_TRIAGED, batch = "true")
    void onTriaged(List<ConsumerRecord<String, IncidentTriaged>> records) {
        batches.process(records, notified, this::notify);
    }

    void notify(IncidentTriaged triaged, RecordHandler.Memory memory, RecordOutput out) {
        String incidentId = triaged.getIncidentId().toString();
        if (memory.find(incidentId).isPresent()) {
            out.afterCommit(() -> {
                meters.counter("psig.notification.duplicates").increment();
                log.info("Incident {} was already notified; the repeated verdict is skipped.", incidentId);
            });
            return;
        }
        String region = triaged.getArsRegionCode();
        Instant publishedAt = clock.instant();

        out.send(record(regionalTopic(incidentId, region), triaged, Notifications.forArs(triaged, publishedAt)))
                .send(record(Topics.NOTIFICATION_HFDS, triaged, Notifications.forHfds(triaged, publishedAt)))
                .remember(incidentId, triaged.getEventId().toString())
                .afterCommit(() -> {
                    count(region == null ? "unrouted" : "ars-" + region, triaged, publishedAt);
                    count("hfds", triaged, publishedAt);
                });
    }

    /** Topic names come from the fixed list of ARS codes, never from payload text. */
    private static String regionalTopic(String incidentId, String region) {
        if (region == null) {
            return Topics.NOTIFICATION_UNROUTED;
        }
        try {
            return Topics.arsNotification(region);
        } catch (IllegalArgumentException noSuchArs) {
            throw new PoisonRecordException("Incident " + incidentId + " names region '" + region + "', which no ARS has");
        }
    }

    private static ProducerRecord<Object, Object> record(String topic, IncidentTriaged triaged, Object notification) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, triaged.getIncidentId().toString(), notification);
        Headers headers = record.headers();
        headers.add("psig-incident-id", bytes(triaged.getIncidentId().toString()));
        headers.add("psig-severity", bytes(triaged.getSeverity().name()));
        headers.add("psig-maliciousness", bytes(triaged.getMaliciousness().name()));
        headers.add("psig-region", bytes(triaged.getArsRegionCode() == null ? "" : triaged.getArsRegionCode()));
        return record;
    }

    private void count(String recipient, IncidentTriaged triaged, Instant publishedAt) {
        meters.counter("psig.notifications", "recipient", recipient, "severity", triaged.getSeverity().name())
                .increment();
        meters.timer("psig.notification.age", "recipient", recipient)
                .record(Duration.between(triaged.getReceivedAt(), publishedAt));
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        notified.invalidate();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
