package org.psig.triage.rules;

import java.util.List;

/** An ordered list of rules: the first whose condition holds decides, and the last always holds. */
record RuleTable<I, T>(String title, List<Rule<I, T>> rules) {

    RuleTable {
        rules = List.copyOf(rules);
        if (!rules.get(rules.size() - 1).when().equals("otherwise")) {
            throw new IllegalArgumentException(title + ": the last rule must be 'otherwise'");
        }
    }

    Decision<T> decide(I input) {
        for (Rule<I, T> rule : rules) {
            if (rule.applies().test(input)) {
                return new Decision<>(rule.then(), rule.reason().apply(input));
            }
        }
        throw new IllegalStateException("unreachable: the last rule of " + title + " always applies");
    }
}
