package org.psig.intake.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.memory.ReportIndex;
import org.psig.intake.report.Fingerprints;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.ReportMapper;
import org.psig.schemas.IncidentReported;
import org.springframework.stereotype.Component;

/**
 * Accepts a valid report exactly once: a resend of an accepted report is answered as a repeat, a
 * changed report under an accepted reference is a conflict, and a new report is accepted only once
 * Kafka holds it. The whole answer fits in the configured write timeout.
 * <p>
 * A report this instance already knows of is answered from its memory, without Kafka. Any other is
 * written (the one broker round trip), and the answer waits until this instance's reader of
 * {@code psig.incident.reported} has read past that write: every record of an incident lies on one
 * partition, so the memory then holds the log's first report of the incident, which is the one
 * triage sees first. If another instance wrote the incident first (a resend or a changed report
 * sent to two instances at once, or just before this one's reader saw it), the answer is the one
 * the log's order gives: a repeat of that report, or a conflict; the copy just written is then
 * skipped or dead-lettered by triage, never notified.
 */
@Component
public class ReportIntake {

    private final ReportIndex index;
    private final ReportPublisher publisher;
    private final Clock clock;
    private final Duration writeTimeout;
    private final KeyedLocks<UUID> locks = new KeyedLocks<>();

    ReportIntake(ReportIndex index, ReportPublisher publisher, Clock clock, IntakeProperties properties) {
        this.index = index;
        this.publisher = publisher;
        this.clock = clock;
        this.writeTimeout = properties.writeTimeout();
    }

    public Receipt accept(IncidentReportRequest request, List<String> warnings) {
        long deadlineNanos = System.nanoTime() + writeTimeout.toNanos();
        UUID incidentId = IncidentIds.of(request.establishment().finessEt(), request.declarantReference());
        return locks.withLock(incidentId, () -> {
            index.awaitLoaded(deadlineNanos);
            IncidentReported reported = ReportMapper.reported(incidentId, request, clock.instant(), warnings);
            Optional<KnownReport> known = index.find(incidentId).map(KnownIncident::first);
            if (known.isPresent()) {
                return answerFor(known.get(), reported, warnings);
            }
            KnownReport.Position written = publisher.publish(reported, deadlineNanos);
            Optional<KnownIncident> first = index.writtenBefore(written, incidentId, 1, deadlineNanos);
            if (first.isPresent()) {
                return answerFor(first.get().first(), reported, warnings);
            }
            return new Receipt(incidentId, 1, reported.getReceivedAt(), false, warnings, written);
        });
    }

    private static Receipt answerFor(KnownReport first, IncidentReported reported, List<String> warnings) {
        if (!Fingerprints.sameContent(first.fingerprint(), reported.getContentFingerprint(), reported.getReport())) {
            throw new ConflictingReportException(first.incidentId(), first.receivedAt());
        }
        return new Receipt(first.incidentId(), 1, first.receivedAt(), true, warnings, first.position());
    }

    /**
     * Every incident this instance's memory holds, without asking Kafka where the log ends: a report
     * another instance accepted a few milliseconds ago may be missing from a listing for as long,
     * unless its 202's {@code position} is given as {@code atLeast}.
     */
    public List<KnownIncident> all(Optional<KnownReport.Position> atLeast) {
        awaitView(atLeast);
        return index.all();
    }

    /** Reports and their updates take the same lock per incident. */
    KeyedLocks<UUID> locks() {
        return locks;
    }

    /**
     * A report as this instance's memory holds it, once the memory has read the write at {@code atLeast}
     * if one is given (a 202's {@code position}: read your own write on any instance, waiting on one
     * partition only). Otherwise only an incident the memory does not hold waits
     * until the memory has read everything committed before the call: it may have been accepted by
     * another instance a moment ago, and a 404 must not contradict a 202.
     */
    public Optional<KnownIncident> find(UUID incidentId, Optional<KnownReport.Position> atLeast) {
        long deadlineNanos = awaitView(atLeast);
        Optional<KnownIncident> known = index.find(incidentId);
        if (known.isPresent()) {
            return known;
        }
        index.awaitCaughtUp(deadlineNanos);
        return index.find(incidentId);
    }

    /** The memory loaded, and past {@code atLeast} if given; returns the deadline of the read that asked. */
    private long awaitView(Optional<KnownReport.Position> atLeast) {
        long deadlineNanos = System.nanoTime() + writeTimeout.toNanos();
        index.awaitLoaded(deadlineNanos);
        atLeast.ifPresent(position -> index.awaitRead(position, deadlineNanos));
        return deadlineNanos;
    }
}
