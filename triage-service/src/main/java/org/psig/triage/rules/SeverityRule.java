package org.psig.triage.rules;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.IncidentStatus;
import org.psig.triage.rules.Enums.LegalQualification;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.Enums.Severity;

/** Operational severity; the first rule that matches, from the most severe, decides. */
final class SeverityRule {

    private SeverityRule() {
    }

    static Decision<Severity> decide(TriageFacts facts, LegalQualification qualification, Maliciousness maliciousness) {
        if (facts.careSafety() == CareSafety.PROVEN) {
            return critical("patient safety harm is proven.");
        }
        if (facts.functioning() == Functioning.INTERRUPTED) {
            return critical("the establishment's functioning is interrupted.");
        }
        if (maliciousness == Maliciousness.MALICIOUS && facts.status() == IncidentStatus.ONGOING && facts.degradedMode()) {
            return critical("an ongoing malicious incident has forced degraded mode.");
        }
        if (facts.careSafety() == CareSafety.POTENTIAL) {
            return high("potential consequences for patient safety.");
        }
        if (facts.degradedMode()) {
            return high("degraded (paper) procedures were activated.");
        }
        if (facts.personalDataBreach()) {
            return high("personal data were breached.");
        }
        if (qualification == LegalQualification.SIGNIFICATIF) {
            return high("the incident reaches beyond the establishment (SIGNIFICATIF).");
        }
        if (facts.dataConfidentiality() || facts.dataIntegrity() || facts.dataAvailability()) {
            return new Decision<>(Severity.MEDIUM, "Severity MEDIUM: data confidentiality, integrity or availability affected.");
        }
        if (facts.functioning() == Functioning.DEGRADED) {
            return new Decision<>(Severity.MEDIUM, "Severity MEDIUM: the establishment's functioning is degraded.");
        }
        return new Decision<>(Severity.LOW, "Severity LOW: no impact on care, data or functioning was declared.");
    }

    private static Decision<Severity> critical(String why) {
        return new Decision<>(Severity.CRITICAL, "Severity CRITICAL: " + why);
    }

    private static Decision<Severity> high(String why) {
        return new Decision<>(Severity.HIGH, "Severity HIGH: " + why);
    }
}
