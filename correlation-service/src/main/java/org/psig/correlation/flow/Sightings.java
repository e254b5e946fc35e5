package org.psig.correlation.flow;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.psig.correlation.rules.Sighting;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentTriaged;

/** A verdict on psig.incident.triaged, as correlation sees it. */
final class Sightings {

    private Sightings() {
    }

    static Sighting of(IncidentTriaged triaged) {
        IncidentReport report = triaged.getReport();
        return new Sighting(triaged.getIncidentId().toString(), triaged.getRevision(), report.getEstablishment().getFinessEt(),
                report.getEstablishment().getName(), triaged.getArsRegionCode(), report.getIncident().getCategory().name(),
                triaged.getMaliciousness().name(), triaged.getSeverity().name(), report.getIncident().getProvider(),
                detectedAt(report.getIncident().getDetectedAt(), triaged.getReceivedAt()));
    }

    /** The intake validated it as an ISO-8601 date-time with offset; receipt is the fallback for older records. */
    private static Instant detectedAt(String declared, Instant receivedAt) {
        try {
            return OffsetDateTime.parse(declared).toInstant();
        } catch (DateTimeException | NullPointerException e) {
            return receivedAt;
        }
    }
}
