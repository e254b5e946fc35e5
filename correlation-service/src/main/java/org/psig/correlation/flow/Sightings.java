package org.psig.correlation.flow;

import org.psig.correlation.rules.Sighting;
import org.psig.schemas.DetectionTimes;
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
                DetectionTimes.detectedAt(triaged));
    }
}
