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
 * Accepts a valid report exactly once: a resend of an accepted report is answered from memory and
 * publishes nothing, a changed report under an accepted reference is a conflict, and a new report is
 * accepted only once Kafka holds it. The whole answer fits in the configured write timeout.
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
            index.awaitCaughtUp(deadlineNanos);
            IncidentReported reported = ReportMapper.reported(incidentId, request, clock.instant(), warnings);
            Optional<KnownReport> known = index.find(incidentId).map(KnownIncident::first);
            if (known.isPresent()) {
                if (!Fingerprints.sameContent(known.get().fingerprint(), reported.getContentFingerprint(),
                        reported.getReport())) {
                    throw new ConflictingReportException(incidentId, known.get().receivedAt());
                }
                return new Receipt(incidentId, 1, known.get().receivedAt(), true, warnings);
            }
            index.remember(KnownReport.of(reported, publisher.publish(reported, deadlineNanos)));
            return new Receipt(incidentId, 1, reported.getReceivedAt(), false, warnings);
        });
    }

    /** Every incident this instance knows of, once it has caught up with every instance's writes. */
    public List<KnownIncident> all() {
        index.awaitCaughtUp(System.nanoTime() + writeTimeout.toNanos());
        return index.all();
    }

    /** Reports and their updates take the same lock per incident. */
    KeyedLocks<UUID> locks() {
        return locks;
    }

    /** A report this instance knows of, once it has caught up with every instance's writes. */
    public Optional<KnownIncident> find(UUID incidentId) {
        index.awaitCaughtUp(System.nanoTime() + writeTimeout.toNanos());
        return index.find(incidentId);
    }
}
