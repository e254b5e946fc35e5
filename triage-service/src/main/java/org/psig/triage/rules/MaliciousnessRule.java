package org.psig.triage.rules;

import static org.psig.triage.rules.Rule.otherwise;
import static org.psig.triage.rules.Rule.rule;

import java.util.List;

import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.IncidentCategory.Kind;

/** The category outweighs the declarant's belief, and a declared suspicion of malice counts. */
final class MaliciousnessRule {

    static final RuleTable<TriageFacts, Maliciousness> TABLE = new RuleTable<>("Maliciousness", List.of(
            rule("`category` is a malicious kind (whatever `declaredOrigin` says)", Maliciousness.MALICIOUS,
                    facts -> facts.category().kind() == Kind.MALICIOUS,
                    facts -> "Classed MALICIOUS"
                            + (facts.declaredOrigin() == DeclaredOrigin.MALICIOUS ? "" : " although declared " + facts.declaredOrigin())
                            + ": " + facts.category() + " is a malicious category."),
            rule("`declaredOrigin` is MALICIOUS (a suspicion counts)", Maliciousness.MALICIOUS,
                    facts -> facts.declaredOrigin() == DeclaredOrigin.MALICIOUS,
                    facts -> "Classed MALICIOUS: the declarant suspects a malicious origin for a "
                            + facts.category() + " incident."),
            rule("`category` is an accidental kind", Maliciousness.NON_MALICIOUS,
                    facts -> facts.category().kind() == Kind.ACCIDENTAL,
                    facts -> "Classed NON_MALICIOUS: " + facts.category() + " is an accidental category."),
            rule("`declaredOrigin` is ACCIDENTAL", Maliciousness.NON_MALICIOUS,
                    facts -> facts.declaredOrigin() == DeclaredOrigin.ACCIDENTAL,
                    facts -> "Classed NON_MALICIOUS: declared accidental, and " + facts.category() + " can be either."),
            otherwise(Maliciousness.UNDETERMINED, (TriageFacts facts) -> "Maliciousness UNDETERMINED: origin unknown and " + facts.category() + " can be either.")));

    private MaliciousnessRule() {
    }
}
