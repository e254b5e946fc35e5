package org.psig.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.routing.Route;

/**
 * The triage policy: routing, legal qualification, maliciousness, severity, marking and deadlines
 * of one report. Pure and deterministic: the same facts and parameters always give the same verdict,
 * whatever else was triaged before.
 */
public final class TriagePolicy {

    private final ArsDirectory arsDirectory;
    private final TriageParameters parameters;
    private final RuleTable<Classified, Tlp> tlpRule;
    private final DeadlineRules deadlineRules;

    public TriagePolicy(ArsDirectory arsDirectory, TriageParameters parameters) {
        this.arsDirectory = arsDirectory;
        this.parameters = parameters;
        this.tlpRule = TlpRule.table(parameters.standardTlp());
        this.deadlineRules = new DeadlineRules(parameters);
    }

    /** The verdict of an initial report. */
    public Verdict triage(TriageFacts facts) {
        return triage(facts, Revision.initial(facts.detectedAt()));
    }

    /** The verdict of one revision of a report, {@code facts} being the whole report as revised. */
    public Verdict triage(TriageFacts facts, Revision revision) {
        Route route = arsDirectory.route(facts.finessEt());
        Decision<Enums.LegalQualification> qualification = LegalQualificationRule.TABLE.decide(facts);
        Decision<Enums.Maliciousness> maliciousness = MaliciousnessRule.TABLE.decide(facts);
        Classified classified = new Classified(facts, qualification.value(), maliciousness.value());
        Decision<Enums.Severity> severity = SeverityRule.TABLE.decide(classified);
        Decision<Tlp> tlp = tlpRule.decide(classified);
        List<Deadline> deadlines = deadlineRules.deadlines(facts, revision);

        List<String> reasons = new ArrayList<>(List.of(route.reason(), qualification.reason(),
                maliciousness.reason(), severity.reason(), tlp.reason()));
        deadlines.forEach(deadline -> reasons.add(deadline.reason()));
        return new Verdict(Optional.ofNullable(route.regionCode()), qualification.value(), maliciousness.value(),
                severity.value(), facts.category().rsit(), tlp.value(), deadlines, reasons,
                parameters.rulesetVersion());
    }

    /** The rules as a document for analysts: docs/triage-rules.md holds exactly this text. */
    public String describe() {
        return new RulesDocument(tlpRule, deadlineRules).markdown();
    }
}
