package org.psig.triage.rules;

import static org.psig.triage.rules.Rule.otherwise;
import static org.psig.triage.rules.Rule.rule;

import java.util.List;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.LegalQualification;

/** CSP D.1111-16-2: items 4-5 make an incident significatif, items 1-3 make it grave. */
final class LegalQualificationRule {

    static final RuleTable<TriageFacts, LegalQualification> TABLE = new RuleTable<>("Legal qualification", List.of(
            rule("`healthSystemImpact` is true", LegalQualification.SIGNIFICATIF, TriageFacts::healthSystemImpact,
                    "Qualified SIGNIFICATIF: repercussion on the organisation of the health system (CSP D.1111-16-2, item 4)."),
            rule("`spreadRisk` is true", LegalQualification.SIGNIFICATIF, TriageFacts::spreadRisk,
                    "Qualified SIGNIFICATIF: likely to affect other establishments (CSP D.1111-16-2, item 5)."),
            rule("`careSafety` is POTENTIAL or PROVEN", LegalQualification.GRAVE,
                    facts -> facts.careSafety() != CareSafety.NONE,
                    facts -> "Qualified GRAVE: " + facts.careSafety()
                            + " consequences for the safety of care (CSP D.1111-16-2, item 1)."),
            rule("`dataConfidentiality` or `dataIntegrity` is true", LegalQualification.GRAVE,
                    facts -> facts.dataConfidentiality() || facts.dataIntegrity(),
                    "Qualified GRAVE: confidentiality or integrity of health data affected (CSP D.1111-16-2, item 2)."),
            rule("`functioning` is DEGRADED or INTERRUPTED, or `degradedMode` is true", LegalQualification.GRAVE,
                    facts -> facts.functioning() != Functioning.NONE || facts.degradedMode(),
                    "Qualified GRAVE: normal functioning of the establishment harmed (CSP D.1111-16-2, item 3)."),
            otherwise(LegalQualification.NON_QUALIFIE,
                    "Not qualified: none of the consequences listed in CSP D.1111-16-2 was declared.")));

    private LegalQualificationRule() {
    }
}
