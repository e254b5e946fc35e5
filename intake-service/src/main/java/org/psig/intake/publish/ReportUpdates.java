package org.psig.intake.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.psig.intake.auth.Caller;
import org.psig.intake.config.IntakeProperties;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.memory.RecordReader;
import org.psig.intake.memory.ReportIndex;
import org.psig.intake.report.FieldError;
import org.psig.intake.report.Fingerprints;
import org.psig.intake.report.IncidentUpdateRequest;
import org.psig.intake.report.InvalidFieldsException;
import org.psig.intake.report.ReportMerge;
import org.psig.intake.report.UpdateRules;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.springframework.stereotype.Component;

/**
 * Accepts each revision of an incident exactly once and in order. The revision is written to
 * {@code psig.incident.reported} under the incident's key, after the one it follows, so that triage
 * and notification see the revisions in order whatever intake instance took each. As for reports
 * ({@link ReportIntake}), the decision comes from this instance's memory, and a write is answered
 * once the memory has read past it, as the log's order says. A refusal the memory would give because
 * it may be behind another instance (an unknown incident, a revision beyond the next) is given only
 * after it has read everything committed before the request: refusals alone pay that round trip.
 */
@Component
public class ReportUpdates {

    private final ReportIndex index;
    private final RecordReader records;
    private final ReportPublisher publisher;
    private final Clock clock;
    private final Duration writeTimeout;
    private final KeyedLocks<UUID> locks;

    ReportUpdates(ReportIndex index, RecordReader records, ReportPublisher publisher, Clock clock,
                  IntakeProperties properties, ReportIntake reports) {
        this.index = index;
        this.records = records;
        this.publisher = publisher;
        this.clock = clock;
        this.writeTimeout = properties.writeTimeout();
        this.locks = reports.locks();
    }

    /**
     * The receipt of the update; throws {@link UnknownIncidentException} when the key does not cover
     * the incident, {@link RevisionConflictException} when the revision cannot follow, and
     * {@link InvalidFieldsException} when its resolution contradicts the report.
     */
    public Receipt accept(UUID incidentId, Caller key, IncidentUpdateRequest update) {
        long deadlineNanos = System.nanoTime() + writeTimeout.toNanos();
        return locks.withLock(incidentId, () -> {
            index.awaitLoaded(deadlineNanos);
            KnownIncident incident = known(incidentId, key, update.revision(), deadlineNanos);
            String fingerprint = Fingerprints.of(update);
            Optional<Receipt> repeat = repeat(incident, update.revision(), fingerprint);
            if (repeat.isPresent()) {
                return repeat.get();
            }
            refuseOutOfTurn(incident, update.revision());
            IncidentReported previous = records.read(Topics.INCIDENT_REPORTED, incident.current().position(),
                    IncidentReported.class, deadlineNanos);
            List<FieldError> errors = UpdateRules.check(update, previous.getReport().getIncident().getDetectedAt());
            if (!errors.isEmpty()) {
                throw new InvalidFieldsException(errors);
            }
            IncidentReported next = ReportMerge.revision(previous, update, clock.instant());
            KnownReport.Position written = publisher.publish(next, deadlineNanos);
            Optional<KnownIncident> first = index.writtenBefore(written, incidentId, next.getRevision(), deadlineNanos);
            if (first.isPresent()) {
                // Another instance wrote this revision first: the log's order answers, as for a resend.
                return repeat(first.get(), next.getRevision(), fingerprint).orElseThrow();
            }
            return new Receipt(incidentId, next.getRevision(), next.getReceivedAt(), false, next.getWarnings(), written);
        });
    }

    /**
     * The incident as the memory holds it; read up to the log's end first when the memory would
     * refuse the update for not knowing the incident, or the revision before this one.
     */
    private KnownIncident known(UUID incidentId, Caller key, int revision, long deadlineNanos) {
        Optional<KnownIncident> known = index.find(incidentId).filter(incident -> key.covers(incident.first().finessEt()));
        if (known.isEmpty() || (revision > known.get().revision() + 1 && !known.get().closed())) {
            index.awaitCaughtUp(deadlineNanos);
            known = index.find(incidentId).filter(incident -> key.covers(incident.first().finessEt()));
        }
        return known.orElseThrow(() -> new UnknownIncidentException(incidentId));
    }

    /** The same revision with the same content: the first answer again, nothing written. */
    private static Optional<Receipt> repeat(KnownIncident incident, int revision, String fingerprint) {
        if (revision > incident.revision()) {
            return Optional.empty();
        }
        KnownReport accepted = incident.revision(revision).orElseThrow();
        if (revision == 1 || !accepted.fingerprint().equals(fingerprint)) {
            throw new RevisionConflictException(incident.incidentId(), incident.revision(), incident.closed(),
                    "Revision " + revision + " of incident " + incident.incidentId() + " was already accepted on "
                            + accepted.receivedAt() + " with different content; the current revision is "
                            + incident.revision() + (incident.closed() ? " and the incident is closed." : "."));
        }
        return Optional.of(new Receipt(incident.incidentId(), revision, accepted.receivedAt(), true, accepted.warnings(),
                accepted.position()));
    }

    private static void refuseOutOfTurn(KnownIncident incident, int revision) {
        if (incident.closed()) {
            throw new RevisionConflictException(incident.incidentId(), incident.revision(), true,
                    "Incident " + incident.incidentId() + " was closed by revision " + incident.revision()
                            + "; it takes no further update.");
        }
        if (revision != incident.revision() + 1) {
            throw new RevisionConflictException(incident.incidentId(), incident.revision(), false,
                    "The current revision of incident " + incident.incidentId() + " is " + incident.revision()
                            + "; the next update must be revision " + (incident.revision() + 1) + ", not " + revision + ".");
        }
    }
}
