package org.psig.triage.flow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.psig.schemas.CareSafety;
import org.psig.schemas.Declarant;
import org.psig.schemas.DeclaredOrigin;
import org.psig.schemas.Establishment;
import org.psig.schemas.EstablishmentType;
import org.psig.schemas.Functioning;
import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentDetails;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentStatus;

/** Reports as the intake would have written them, for tests that feed triage directly. */
final class Reports {

    private Reports() {
    }

    static IncidentReported ransomware(UUID incidentId, String finessEt, String summary) {
        IncidentReport report = IncidentReport.newBuilder()
                .setDeclarantReference("REF-" + incidentId)
                .setEstablishment(Establishment.newBuilder().setFinessEt(finessEt).setName("Centre hospitalier")
                        .setType(EstablishmentType.ES).build())
                .setDeclarant(Declarant.newBuilder().setName("RSSI").setEmail("rssi@example.org").build())
                .setIncident(IncidentDetails.newBuilder().setDetectedAt("2026-11-27T06:40:00+01:00")
                        .setSummary(summary).setDescription("Chiffrement des serveurs.")
                        .setCategory(IncidentCategory.RANSOMWARE).setDeclaredOrigin(DeclaredOrigin.MALICIOUS)
                        .setStatus(IncidentStatus.ONGOING).setAffectedSystems(List.of()).build())
                .setImpacts(Impacts.newBuilder().setCareSafety(CareSafety.POTENTIAL).setDataConfidentiality(false)
                        .setDataIntegrity(true).setDataAvailability(true).setPersonalDataBreach(false)
                        .setFunctioning(Functioning.INTERRUPTED).setDegradedMode(true).setHealthSystemImpact(false)
                        .setSpreadRisk(true).build())
                .build();
        return IncidentReported.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-27T06:45:00Z"))
                .setIncidentId(incidentId)
                .setReceivedAt(Instant.parse("2026-11-27T06:45:00Z"))
                .setContentFingerprint("fingerprint-of-" + summary)
                .setReport(report)
                .build();
    }
}
