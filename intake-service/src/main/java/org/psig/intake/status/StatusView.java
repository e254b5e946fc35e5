package org.psig.intake.status;

import java.time.Duration;
import java.util.List;

import org.psig.intake.config.IntakeProperties;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.status.IncidentStatus.State;
import org.springframework.stereotype.Component;

/** Puts together what the intake accepted and what triage and notification did with it. */
@Component
public class StatusView {

    private final IncidentTimeline timeline;
    private final Duration patience;

    StatusView(IncidentTimeline timeline, IntakeProperties properties) {
        this.timeline = timeline;
        this.patience = properties.writeTimeout();
    }

    /** Statuses of several incidents, once the topics were read as far as they went at start. */
    public List<IncidentStatus> of(List<KnownIncident> incidents) {
        timeline.awaitLoaded(System.nanoTime() + patience.toNanos());
        return incidents.stream().map(this::status).toList();
    }

    public IncidentStatus of(KnownIncident incident) {
        return of(List.of(incident)).get(0);
    }

    private IncidentStatus status(KnownIncident incident) {
        var verdict = timeline.verdict(incident.incidentId());
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
