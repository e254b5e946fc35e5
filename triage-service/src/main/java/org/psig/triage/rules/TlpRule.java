package org.psig.triage.rules;

import static org.psig.triage.rules.Rule.otherwise;
import static org.psig.triage.rules.Rule.rule;

import java.util.List;

import org.psig.triage.rules.Enums.IncidentStatus;
import org.psig.triage.rules.Enums.Maliciousness;

/**
 * The sharing marking of a verdict. Reports name an establishment and describe its weaknesses, so
 * they are never below AMBER (recipients and their clients, need to know). While an attack is still
 * going on, a leak would tell the attacker he has been seen: AMBER+STRICT keeps it inside the
 * recipient's own organisation.
 */
final class TlpRule {

    private TlpRule() {
    }

    static RuleTable<Classified, Tlp> table(Tlp standard) {
        Tlp strict = standard.atLeast(Tlp.AMBER_STRICT);
        return new RuleTable<>("TLP marking", List.of(
                rule("the incident is MALICIOUS and `status` is ONGOING", strict,
                        c -> c.maliciousness() == Maliciousness.MALICIOUS && c.facts().status() == IncidentStatus.ONGOING,
                        "Marked " + strict.label() + ": a malicious incident still ongoing must not reach the attacker."),
                otherwise(standard, "Marked " + standard.label() + ": the standard marking of incident reports.")));
    }
}
