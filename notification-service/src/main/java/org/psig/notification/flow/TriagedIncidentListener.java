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
import org.psig.schemas.NotificationHeaders;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes verdicts and publishes their two notifications, one Kafka transaction per poll batch:
 * the ARS (or unrouted) copies, the HFDS copies, the memory of the notified incidents and the
 * consumed offsets commit together or not at all. Each revision of an incident is notified once, in
 * order: a verdict for a revision already notified (a replayed dead letter, a verdict seen twice) is
 * skipped, so no recipient is told the same revision twice.
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
        int revision = triaged.getRevision();
        int lastNotified = memory.find(incidentId).map(TriagedIncidentListener::revision).orElse(0);
        if (revision <= lastNotified) {
            out.afterCommit(() -> {
                meters.counter("psig.notification.duplicates").increment();
                log.info("Revision {} of incident {} was already notified; the repeated verdict is skipped.",
                        revision, incidentId);
            });
            return;
        }
        if (revision != lastNotified + 1) {
            // Triage publishes revisions in order; a gap means one went to a dead-letter topic. The
            // newer revision is a whole report: recipients are better told it than nothing.
            log.warn("Revision {} of incident {} is notified, but the last notified was {}; see the dead letters.",
                    revision, incidentId, lastNotified);
        }
        String region = triaged.getArsRegionCode();
        Instant publishedAt = clock.instant();

        log.info("Revision {} of incident {} notified to {} and the HFDS.", revision, incidentId,
                region == null ? "no ARS (unrouted)" : "ARS " + region);
        out.send(record(regionalTopic(incidentId, region), triaged, publishedAt, Notifications.forArs(triaged, publishedAt)))
                .send(record(Topics.NOTIFICATION_HFDS, triaged, publishedAt, Notifications.forHfds(triaged, publishedAt)))
                .remember(incidentId, Integer.toString(revision))
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

    /**
     * The last revision notified, as the memory holds it. Incidents notified before revisions
     * existed are remembered by the eventId of their verdict: their revision 1.
     */
    private static int revision(String remembered) {
        return remembered.chars().allMatch(Character::isDigit) ? Integer.parseInt(remembered) : 1;
    }

    private static ProducerRecord<Object, Object> record(String topic, IncidentTriaged triaged, Instant publishedAt,
                                                         Object notification) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, triaged.getIncidentId().toString(), notification);
        Headers headers = record.headers();
        headers.add(NotificationHeaders.INCIDENT_ID, bytes(triaged.getIncidentId().toString()));
        headers.add(NotificationHeaders.SEVERITY, bytes(triaged.getSeverity().name()));
        headers.add(NotificationHeaders.MALICIOUSNESS, bytes(triaged.getMaliciousness().name()));
        headers.add(NotificationHeaders.REGION, bytes(triaged.getArsRegionCode() == null ? "" : triaged.getArsRegionCode()));
        headers.add(NotificationHeaders.REVISION, bytes(Integer.toString(triaged.getRevision())));
        headers.add(NotificationHeaders.KIND, bytes(triaged.getKind().name()));
        headers.add(NotificationHeaders.PUBLISHED_AT, bytes(publishedAt.toString()));
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
