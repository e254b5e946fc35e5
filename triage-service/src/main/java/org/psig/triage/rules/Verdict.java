package org.psig.triage.rules;

import java.util.List;
import java.util.Optional;

import org.psig.triage.rules.Enums.LegalQualification;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.Enums.Severity;

/**
 * The outcome of triage; {@code arsRegionCode} is empty when no ARS covers the site, and
 * {@code deadlines} is empty when no parallel duty applies.
 */
public record Verdict(
        Optional<String> arsRegionCode,
        LegalQualification legalQualification,
        Maliciousness maliciousness,
        Severity severity,
        Rsit rsit,
        Tlp tlp,
        List<Deadline> deadlines,
        List<String> reasons,
        String rulesetVersion) {

    public Verdict {
        deadlines = List.copyOf(deadlines);
        reasons = List.copyOf(reasons);
    }
}
