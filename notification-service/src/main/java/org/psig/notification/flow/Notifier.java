package org.psig.notification.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.kafka.PoisonRecordException;
import org.psig.kafka.streams.Output;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.NotificationHeaders;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a verdict is told, and to whom: its ARS (or the unrouted topic) and the HFDS, each revision of
 * an incident once and in order. A verdict for a revision already notified (a replayed dead letter,
 * a verdict seen twice) is skipped, so no recipient is told the same revision twice. No Kafka here:
 * {@link NotificationProcessor} keeps the last revision notified in a store.
 */
final class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final MeterRegistry meters;
    private final Clock clock;

    Notifier(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** The notifications of a verdict, none if its revision was notified already (0: none was). */
    List<Output> notify(IncidentTriaged triaged, int lastNotified) {
        String incidentId = triaged.getIncidentId().toString();
        int revision = triaged.getRevision();
        if (revision <= lastNotified) {
            meters.counter("psig.notification.duplicates").increment();
            log.info("Revision {} of incident {} was already notified; the repeated verdict is skipped.",
                    revision, incidentId);
            return List.of();
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
        String regional = regionalTopic(incidentId, region);
        count(region == null ? "unrouted" : "ars-" + region, triaged, publishedAt);
        count("hfds", triaged, publishedAt);
        return List.of(
                output(regional, triaged, publishedAt, Notifications.forArs(triaged, publishedAt)),
                output(Topics.NOTIFICATION_HFDS, triaged, publishedAt, Notifications.forHfds(triaged, publishedAt)));
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
    static int revision(String remembered) {
        return remembered.chars().allMatch(Character::isDigit) ? Integer.parseInt(remembered) : 1;
    }

    private static Output output(String topic, IncidentTriaged triaged, Instant publishedAt, Object notification) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(NotificationHeaders.INCIDENT_ID, triaged.getIncidentId().toString());
        headers.put(NotificationHeaders.SEVERITY, triaged.getSeverity().name());
        headers.put(NotificationHeaders.MALICIOUSNESS, triaged.getMaliciousness().name());
        headers.put(NotificationHeaders.REGION, triaged.getArsRegionCode() == null ? "" : triaged.getArsRegionCode());
        headers.put(NotificationHeaders.REVISION, Integer.toString(triaged.getRevision()));
        headers.put(NotificationHeaders.KIND, triaged.getKind().name());
        headers.put(NotificationHeaders.PUBLISHED_AT, publishedAt.toString());
        return new Output(topic, triaged.getIncidentId().toString(), notification, headers);
    }

    private void count(String recipient, IncidentTriaged triaged, Instant publishedAt) {
        meters.counter("psig.notifications", "recipient", recipient, "severity", triaged.getSeverity().name())
                .increment();
        meters.timer("psig.notification.age", "recipient", recipient)
                .record(Duration.between(triaged.getReceivedAt(), publishedAt));
    }
}
