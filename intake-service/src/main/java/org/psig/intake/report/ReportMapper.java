package org.psig.intake.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.psig.schemas.Actions;
import org.psig.schemas.Declarant;
import org.psig.schemas.Establishment;
import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentDetails;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentReported;

/** Turns a validated request into the event written on psig.incident.reported. */
public final class ReportMapper {

    private ReportMapper() {
    }

    public static IncidentReported reported(UUID incidentId, IncidentReportRequest request, Instant receivedAt,
                                            List<String> warnings) {
        IncidentReport report = report(request);
        return IncidentReported.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(receivedAt)
                .setIncidentId(incidentId)
                .setReceivedAt(receivedAt)
                .setContentFingerprint(Fingerprints.of(report))
                .setReport(report)
                .setWarnings(warnings)
                .build();
    }

    static IncidentReport report(IncidentReportRequest r) {
        var e = r.establishment();
        var d = r.declarant();
        var i = r.incident();
        var m = r.impacts();
        return IncidentReport.newBuilder()
                .setDeclarantReference(r.declarantReference())
                .setEstablishment(Establishment.newBuilder().setFinessEt(e.finessEt()).setFinessEj(e.finessEj())
                        .setName(e.name()).setType(e.type()).setFinessCategory(e.finessCategory())
                        .setEssentialOperator(e.essentialOperator()).build())
                .setDeclarant(Declarant.newBuilder().setName(d.name()).setRole(d.role()).setEmail(d.email())
                        .setPhone(d.phone()).build())
                .setIncident(IncidentDetails.newBuilder().setDetectedAt(i.detectedAt()).setStartedAt(i.startedAt())
                        .setSummary(i.summary()).setDescription(i.description()).setCategory(i.category())
                        .setDeclaredOrigin(i.declaredOrigin()).setStatus(i.status())
                        .setAffectedSystems(i.affectedSystems() == null ? List.of() : i.affectedSystems())
                        .setProvider(i.provider()).build())
                .setImpacts(Impacts.newBuilder().setCareSafety(m.careSafety())
                        .setDataConfidentiality(m.dataConfidentiality()).setDataIntegrity(m.dataIntegrity())
                        .setDataAvailability(m.dataAvailability()).setPersonalDataBreach(m.personalDataBreach())
                        .setFunctioning(m.functioning()).setDegradedMode(m.degradedMode())
                        .setHealthSystemImpact(m.healthSystemImpact()).setSpreadRisk(m.spreadRisk()).build())
                .setActions(r.actions() == null ? null : Actions.newBuilder()
                        .setCnilNotified(r.actions().cnilNotified()).setComplaintFiled(r.actions().complaintFiled())
                        .setCertSupportRequested(r.actions().certSupportRequested()).build())
                .build();
    }
}
