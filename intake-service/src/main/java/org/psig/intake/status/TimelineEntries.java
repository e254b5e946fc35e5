package org.psig.intake.status;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.psig.intake.memory.KnownReport;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.NotificationHeaders;
import org.psig.schemas.VerdictHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link IncidentTimeline} knows of each incident: its latest verdict and every notification,
 * from the records it reads or from a snapshot; safe to read while its reader thread adds.
 */
final class TimelineEntries {

    private static final Logger log = LoggerFactory.getLogger(TimelineEntries.class);

    private final Map<UUID, LatestVerdict> verdicts = new ConcurrentHashMap<>();
    private final Map<UUID, List<Notified>> notifications = new ConcurrentHashMap<>();

    int verdicts() {
        return verdicts.size();
    }

    Optional<LatestVerdict> verdict(UUID incidentId) {
        return Optional.ofNullable(verdicts.get(incidentId));
    }

    List<Notified> notified(UUID incidentId) {
        List<Notified> sent = notifications.get(incidentId);
        if (sent == null) {
            return List.of();
        }
        synchronized (sent) {
            return sent.stream().sorted(Notified.ORDER).toList();
        }
    }

    void restore(TimelineSnapshot snapshot) {
        verdicts.putAll(snapshot.verdicts());
        snapshot.notifications().forEach((incidentId, sent) -> notifications.put(incidentId, new ArrayList<>(sent)));
    }

    void write(DataOutputStream out) throws IOException {
        TimelineSnapshot.write(out, verdicts, notifications);
    }

    void verdict(ConsumerRecord<String, byte[]> record, AvroKafkaDeserializer<Object> verdictReader) {
        try {
            KnownVerdict summary = summary(record, verdictReader);
            if (summary != null) {
                LatestVerdict verdict = new LatestVerdict(summary, new KnownReport.Position(record.partition(), record.offset()));
                verdicts.merge(UUID.fromString(record.key()), verdict,
                        (known, read) -> read.summary().revision() >= known.summary().revision() ? read : known);
            }
        } catch (RuntimeException unreadable) {
            log.warn("Record {}-{}@{} is not a readable verdict; the status skips it.", record.topic(),
                    record.partition(), record.offset());
        }
    }

    /** From the headers; a verdict written before they existed is decoded. */
    private static KnownVerdict summary(ConsumerRecord<String, byte[]> record, AvroKafkaDeserializer<Object> verdictReader) {
        if (record.headers().lastHeader(VerdictHeaders.SEVERITY) != null) {
            return KnownVerdict.summaryOf(name -> text(record, name).orElse(null));
        }
        return verdictReader.deserialize(record.topic(), record.headers(), record.value()) instanceof IncidentTriaged triaged
                ? KnownVerdict.summaryOf(triaged) : null;
    }

    void notification(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        int revision = text(record, NotificationHeaders.REVISION).map(Integer::parseInt).orElse(1);
        Instant publishedAt = text(record, NotificationHeaders.PUBLISHED_AT).map(Instant::parse)
                .orElse(Instant.ofEpochMilli(record.timestamp()));
        Notified notified = new Notified(Notified.recipient(record.topic()), revision, publishedAt);
        List<Notified> sent = notifications.computeIfAbsent(UUID.fromString(record.key()), id -> new ArrayList<>());
        synchronized (sent) {
            if (sent.stream().noneMatch(known -> known.sameAs(notified))) {
                sent.add(notified);
            }
        }
    }

    private static Optional<String> text(ConsumerRecord<String, byte[]> record, String header) {
        Header last = record.headers().lastHeader(header);
        return last == null ? Optional.empty() : Optional.of(new String(last.value(), StandardCharsets.UTF_8));
    }
}
