package org.psig.intake.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Incidents as the intake's memory holds them, for tests that replace the memory. */
public final class KnownIncidents {

    private KnownIncidents() {
    }

    public static KnownIncident initial(UUID incidentId, String fingerprint, Instant receivedAt, String finessEt,
                                        String finessEj) {
        return new KnownIncident(List.of(revision(incidentId, 1, fingerprint, receivedAt, finessEt, finessEj, false)));
    }

    /** The incident with one more revision, accepted a minute after the last one. */
    public static KnownIncident withRevision(KnownIncident incident, String fingerprint, boolean closes) {
        KnownReport last = incident.current();
        List<KnownReport> revisions = new ArrayList<>(incident.revisions());
        revisions.add(revision(last.incidentId(), last.revision() + 1, fingerprint, last.receivedAt().plusSeconds(60),
                last.finessEt(), last.finessEj(), closes));
        return new KnownIncident(revisions);
    }

    private static KnownReport revision(UUID incidentId, int revision, String fingerprint, Instant receivedAt,
                                        String finessEt, String finessEj, boolean closes) {
        return new KnownReport(incidentId, revision, fingerprint, receivedAt, finessEt, finessEj, "KER-2026-0042", closes,
                List.of(), new KnownReport.Position(0, revision - 1L));
    }
}
