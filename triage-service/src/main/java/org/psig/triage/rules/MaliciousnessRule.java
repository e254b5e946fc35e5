package org.psig.triage.rules;

import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.rules.IncidentCategory.Kind;

/** The category outweighs the declarant's belief, and a declared suspicion of malice counts. */
final class MaliciousnessRule {

    private MaliciousnessRule() {
    }

    static Decision<Maliciousness> decide(TriageFacts facts) {
        IncidentCategory category = facts.category();
        DeclaredOrigin origin = facts.declaredOrigin();
        if (category.kind() == Kind.MALICIOUS) {
            String belief = origin == DeclaredOrigin.MALICIOUS ? "" : " although declared " + origin;
            return new Decision<>(Maliciousness.MALICIOUS,
                    "Classed MALICIOUS" + belief + ": " + category + " is a malicious category.");
        }
        if (origin == DeclaredOrigin.MALICIOUS) {
            return new Decision<>(Maliciousness.MALICIOUS,
                    "Classed MALICIOUS: the declarant suspects a malicious origin for a " + category + " incident.");
        }
        if (category.kind() == Kind.ACCIDENTAL) {
            return new Decision<>(Maliciousness.NON_MALICIOUS,
                    "Classed NON_MALICIOUS: " + category + " is an accidental category.");
        }
        if (origin == DeclaredOrigin.ACCIDENTAL) {
            return new Decision<>(Maliciousness.NON_MALICIOUS,
                    "Classed NON_MALICIOUS: declared accidental, and " + category + " can be either.");
        }
        return new Decision<>(Maliciousness.UNDETERMINED,
                "Maliciousness UNDETERMINED: origin unknown and " + category + " can be either.");
    }
}
