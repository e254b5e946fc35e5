package org.psig.triage.rules;

import org.psig.triage.rules.Enums.CareSafety;
import org.psig.triage.rules.Enums.Functioning;
import org.psig.triage.rules.Enums.LegalQualification;

/** CSP D.1111-16-2: items 4-5 make an incident significatif, items 1-3 make it grave. */
final class LegalQualificationRule {

    private LegalQualificationRule() {
    }

    static Decision<LegalQualification> decide(TriageFacts facts) {
        if (facts.healthSystemImpact()) {
            return new Decision<>(LegalQualification.SIGNIFICATIF,
                    "Qualified SIGNIFICATIF: repercussion on the organisation of the health system (CSP D.1111-16-2, item 4).");
        }
        if (facts.spreadRisk()) {
            return new Decision<>(LegalQualification.SIGNIFICATIF,
                    "Qualified SIGNIFICATIF: likely to affect other establishments (CSP D.1111-16-2, item 5).");
        }
        if (facts.careSafety() != CareSafety.NONE) {
            return new Decision<>(LegalQualification.GRAVE,
                    "Qualified GRAVE: " + facts.careSafety() + " consequences for the safety of care (CSP D.1111-16-2, item 1).");
        }
        if (facts.dataConfidentiality() || facts.dataIntegrity()) {
            return new Decision<>(LegalQualification.GRAVE,
                    "Qualified GRAVE: confidentiality or integrity of health data affected (CSP D.1111-16-2, item 2).");
        }
        if (facts.functioning() != Functioning.NONE || facts.degradedMode()) {
            return new Decision<>(LegalQualification.GRAVE,
                    "Qualified GRAVE: normal functioning of the establishment harmed (CSP D.1111-16-2, item 3).");
        }
        return new Decision<>(LegalQualification.NON_QUALIFIE,
                "Not qualified: none of the consequences listed in CSP D.1111-16-2 was declared.");
    }
}
