package org.psig.testsupport;

import java.util.List;

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
import org.psig.schemas.IncidentStatus;

/** Reports as they travel on Kafka, for tests that feed a service directly rather than through intake. */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    /** An ongoing ransomware attack: SIGNIFICATIF (spread risk), MALICIOUS, CRITICAL (functioning interrupted). */
    public static IncidentReport ransomware(String declarantReference, String finessEt, String summary) {
        return IncidentReport.newBuilder()
                .setDeclarantReference(declarantReference)
                .setEstablishment(Establishment.newBuilder().setFinessEt(finessEt).setName("Centre hospitalier de Kerlann")
                        .setType(EstablishmentType.ES).build())
                .setDeclarant(Declarant.newBuilder().setName("Jeanne Martin").setEmail("rssi@example.org")
                        .setPhone("+33 1 00 00 00 00").build())
                .setIncident(IncidentDetails.newBuilder().setDetectedAt("2026-11-27T06:40:00+01:00")
                        .setSummary(summary).setDescription("Chiffrement des serveurs de production.")
                        .setCategory(IncidentCategory.RANSOMWARE).setDeclaredOrigin(DeclaredOrigin.MALICIOUS)
                        .setStatus(IncidentStatus.ONGOING).setAffectedSystems(List.of()).build())
                .setImpacts(Impacts.newBuilder().setCareSafety(CareSafety.POTENTIAL).setDataConfidentiality(false)
                        .setDataIntegrity(true).setDataAvailability(true).setPersonalDataBreach(false)
                        .setFunctioning(Functioning.INTERRUPTED).setDegradedMode(true).setHealthSystemImpact(false)
                        .setSpreadRisk(true).build())
                .build();
    }
}
