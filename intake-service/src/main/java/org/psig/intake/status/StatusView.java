package org.psig.intake.status;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.RecordReader;
import org.psig.intake.status.IncidentStatus.State;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.springframework.stereotype.Component;

/** Puts together what the intake accepted and what triage and notification did with it. */
@Component
public class StatusView {

    private final IncidentTimeline timeline;
    private final RecordReader records;
    private final Duration patience;

    StatusView(IncidentTimeline timeline, RecordReader records, IntakeProperties properties) {
        this.timeline = timeline;
        this.records = records;
        this.patience = properties.writeTimeout();
    }

    /**
     * Statuses of several incidents, once the topics were read as far as they went at start; their
     * verdicts without reasons, as the memory keeps them.
     */
    public List<IncidentStatus> of(List<KnownIncident> incidents) {
        timeline.awaitLoaded(System.nanoTime() + patience.toNanos());
        return incidents.stream().map(incident -> status(incident, timeline.verdict(incident.incidentId())
                .map(LatestVerdict::summary))).toList();
    }

    /** One incident's status, its verdict whole: the reasons are read back from the verdict's record. */
    public IncidentStatus of(KnownIncident incident) {
        long deadline = System.nanoTime() + patience.toNanos();
        timeline.awaitLoaded(deadline);
        return status(incident, timeline.verdict(incident.incidentId()).map(latest -> KnownVerdict.of(
                records.read(Topics.INCIDENT_TRIAGED, latest.position(), IncidentTriaged.class, deadline))));
    }

    private IncidentStatus status(KnownIncident incident, Optional<KnownVerdict> verdict) {
        List<Notified> notified = timeline.notified(incident.incidentId());
        int revision = incident.revision();
        return new IncidentStatus(incident.incidentId(), incident.first().declarantReference(), revision,
                state(incident, verdict.map(KnownVerdict::revision).orElse(0), notified), incident.first().receivedAt(),
                verdict.orElse(null), notified, incident.current().warnings());
    }

    /** The state of the current revision: a verdict of it, then its ARS (or unrouted) copy and its HFDS copy. */
    static State state(KnownIncident incident, int triagedRevision, List<Notified> notified) {
        int revision = incident.revision();
        if (triagedRevision < revision) {
            return State.ACCEPTED;
        }
        boolean hfds = notified.stream().anyMatch(n -> n.revision() == revision && n.recipient().equals(Notified.HFDS));
        boolean regional = notified.stream().anyMatch(n -> n.revision() == revision && !n.recipient().equals(Notified.HFDS));
        if (!hfds || !regional) {
            return State.TRIAGED;
        }
        return incident.closed() ? State.CLOSED : State.NOTIFIED;
    }
}
