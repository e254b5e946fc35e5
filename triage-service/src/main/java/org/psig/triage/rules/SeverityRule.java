package org.psig.triage.rules;

import static org.psig.triage.rules.Rule.otherwise;
import static org.psig.triage.rules.Rule.rule;

import java.util.List;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.IncidentStatus;
import org.psig.triage.rules.Enums.LegalQualification;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.Enums.Severity;

/** Operational severity; the first rule that matches, from the most severe, decides. */
final class SeverityRule {

    static final RuleTable<Classified, Severity> TABLE = new RuleTable<>("Severity", List.of(
            rule("`careSafety` is PROVEN", Severity.CRITICAL,
                    c -> c.facts().careSafety() == CareSafety.PROVEN,
                    "Severity CRITICAL: patient safety harm is proven."),
            rule("`functioning` is INTERRUPTED", Severity.CRITICAL,
                    c -> c.facts().functioning() == Functioning.INTERRUPTED,
                    "Severity CRITICAL: the establishment's functioning is interrupted."),
            rule("the incident is MALICIOUS, `status` is ONGOING and `degradedMode` is true", Severity.CRITICAL,
                    c -> c.maliciousness() == Maliciousness.MALICIOUS
                            && c.facts().status() == IncidentStatus.ONGOING && c.facts().degradedMode(),
                    "Severity CRITICAL: an ongoing malicious incident has forced degraded mode."),
            rule("`careSafety` is POTENTIAL", Severity.HIGH,
                    c -> c.facts().careSafety() == CareSafety.POTENTIAL,
                    "Severity HIGH: potential consequences for patient safety."),
            rule("`degradedMode` is true", Severity.HIGH, c -> c.facts().degradedMode(),
                    "Severity HIGH: degraded (paper) procedures were activated."),
            rule("`personalDataBreach` is true", Severity.HIGH, c -> c.facts().personalDataBreach(),
                    "Severity HIGH: personal data were breached."),
            rule("the qualification is SIGNIFICATIF", Severity.HIGH,
                    c -> c.qualification() == LegalQualification.SIGNIFICATIF,
                    "Severity HIGH: the incident reaches beyond the establishment (SIGNIFICATIF)."),
            rule("`dataConfidentiality`, `dataIntegrity` or `dataAvailability` is true", Severity.MEDIUM,
                    c -> c.facts().dataConfidentiality() || c.facts().dataIntegrity() || c.facts().dataAvailability(),
                    "Severity MEDIUM: data confidentiality, integrity or availability affected."),
            rule("`functioning` is DEGRADED", Severity.MEDIUM,
                    c -> c.facts().functioning() == Functioning.DEGRADED,
                    "Severity MEDIUM: the establishment's functioning is degraded."),
            otherwise(Severity.LOW, "Severity LOW: no impact on care, data or functioning was declared.")));

    private SeverityRule() {
    }
}
