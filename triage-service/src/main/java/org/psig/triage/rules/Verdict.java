package org.psig.triage.rules;

import java.util.List;
import java.util.Optional;

import org.psig.triage.rules.Enums.LegalQualification;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.Enums.Severity;

/** The outcome of triage; {@code arsRegionCode} is empty when no ARS covers the site. */
public record Verdict(
        Optional<String> arsRegionCode,
        LegalQualification legalQualification,
        Maliciousness maliciousness,
        Severity severity,
        List<String> reasons,
        String rulesetVersion) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }
}
