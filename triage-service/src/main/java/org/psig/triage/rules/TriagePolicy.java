package org.psig.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.routing.Route;

/**
 * The baseline triage policy: legal qualification, maliciousness, severity and ARS routing of one
 * report. Pure and deterministic: the same facts always give the same verdict.
 */
public final class TriagePolicy {

    /** Bumped whenever a rule changes, so that every verdict says which rules produced it. */
    public static final String RULESET_VERSION = "2026.11-baseline-1";

    private final ArsDirectory arsDirectory;

    public TriagePolicy(ArsDirectory arsDirectory) {
        this.arsDirectory = arsDirectory;
    }

    public Verdict triage(TriageFacts facts) {
        Route route = arsDirectory.route(facts.finessEt());
        Decision<Enums.LegalQualification> qualification = LegalQualificationRule.decide(facts);
        Decision<Enums.Maliciousness> maliciousness = MaliciousnessRule.decide(facts);
        Decision<Enums.Severity> severity = SeverityRule.decide(facts, qualification.value(), maliciousness.value());

        List<String> reasons = new ArrayList<>();
        reasons.add(route.reason());
        reasons.add(qualification.reason());
        reasons.add(maliciousness.reason());
        reasons.add(severity.reason());
        return new Verdict(Optional.ofNullable(route.regionCode()), qualification.value(), maliciousness.value(),
                severity.value(), reasons, RULESET_VERSION);
    }
}
