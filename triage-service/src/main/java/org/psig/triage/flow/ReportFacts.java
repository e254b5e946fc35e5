package org.psig.triage.flow;

import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentReport;
import org.psig.triage.rules.Enums;
import org.psig.triage.rules.IncidentCategory;
import org.psig.triage.rules.TriageFacts;

/** Maps the Avro report to the facts the rules read; enum names are the contract's on both sides. */
final class ReportFacts {

    private ReportFacts() {
    }

    static TriageFacts from(IncidentReport report) {
        Impacts impacts = report.getImpacts();
        var incident = report.getIncident();
        return new TriageFacts(
                report.getEstablishment().getFinessEt(),
                IncidentCategory.valueOf(incident.getCategory().name()),
                Enums.DeclaredOrigin.valueOf(incident.getDeclaredOrigin().name()),
                Enums.IncidentStatus.valueOf(incident.getStatus().name()),
                Enums.CareSafety.valueOf(impacts.getCareSafety().name()),
                impacts.getDataConfidentiality(),
                impacts.getDataIntegrity(),
                impacts.getDataAvailability(),
                impacts.getPersonalDataBreach(),
                Enums.Functioning.valueOf(impacts.getFunctioning().name()),
                impacts.getDegradedMode(),
                impacts.getHealthSystemImpact(),
                impacts.getSpreadRisk());
    }
}
