package org.psig.triage.flow;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.psig.kafka.PoisonRecordException;
import org.psig.schemas.Actions;
import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentReport;
import org.psig.triage.rules.Enums;
import org.psig.triage.rules.IncidentCategory;
import org.psig.triage.rules.TriageFacts;

/**
 * Maps the Avro report to the facts the rules read; enum names are the contract's on both sides.
 * Only the site FINESS (ET) is passed on: routing must never see the legal entity's (EJ).
 */
final class ReportFacts {

    private ReportFacts() {
    }

    static TriageFacts from(IncidentReport report) {
        Impacts impacts = report.getImpacts();
        Actions actions = report.getActions();
        var incident = report.getIncident();
        return new TriageFacts(
                report.getEstablishment().getFinessEt(),
                Boolean.TRUE.equals(report.getEstablishment().getEssentialOperator()),
                detectedAt(incident.getDetectedAt()).toInstant(),
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
                impacts.getSpreadRisk(),
                actions != null && Boolean.TRUE.equals(actions.getCnilNotified()));
    }

    /** The intake accepts only offset date-times; anything else was not written by it. */
    private static OffsetDateTime detectedAt(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("incident.detectedAt '" + text + "' is not an ISO-8601 date-time with an offset");
        }
    }
}
