package org.psig.triage.rules;

import java.time.Instant;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.IncidentStatus;

/** The facts of a report that the triage rules read, free of any transport type. */
public record TriageFacts(
        String finessEt,
        boolean essentialOperator,
        Instant detectedAt,
        IncidentCategory category,
        DeclaredOrigin declaredOrigin,
        IncidentStatus status,
        CareSafety careSafety,
        boolean dataConfidentiality,
        boolean dataIntegrity,
        boolean dataAvailability,
        boolean personalDataBreach,
        Functioning functioning,
        boolean degradedMode,
        boolean healthSystemImpact,
        boolean spreadRisk,
        boolean cnilNotified) {
}
