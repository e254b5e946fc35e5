package org.psig.triage.rules;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Renders the rule tables as Markdown, so that the analysts' document is the code's own words. */
final class RulesDocument {

    private final RuleTable<Classified, Tlp> tlpRule;
    private final DeadlineRules deadlineRules;
    private final StringBuilder out = new StringBuilder();

    RulesDocument(RuleTable<Classified, Tlp> tlpRule, DeadlineRules deadlineRules) {
        this.tlpRule = tlpRule;
        this.deadlineRules = deadlineRules;
    }

    String markdown() {
        firstMatch(LegalQualificationRule.TABLE, "`legalQualification`");
        firstMatch(MaliciousnessRule.TABLE, "`maliciousness`");
        categories();
        firstMatch(SeverityRule.TABLE, "`severity`");
        firstMatch(tlpRule, "`tlp`");
        out.append("TLP values: ")
                .append(Arrays.stream(Tlp.values()).map(tlp -> "`" + tlp + "` = " + tlp.label())
                        .collect(Collectors.joining(", ")))
                .append(".\n\n");
        deadlines();
        return out.toString();
    }

    private void firstMatch(RuleTable<?, ?> table, String field) {
        out.append("### ").append(table.title()).append(" (").append(field).append(")\n\n")
                .append("The first row whose condition holds decides.\n\n")
                .append("| # | When | Then |\n|---|---|---|\n");
        List<? extends Rule<?, ?>> rules = table.rules();
        for (int i = 0; i < rules.size(); i++) {
            Object then = rules.get(i).then();
            out.append("| ").append(i + 1).append(" | ").append(rules.get(i).when()).append(" | ")
                    .append(then instanceof Tlp tlp ? tlp.label() : then).append(" |\n");
        }
        out.append('\n');
    }

    private void categories() {
        out.append("### Categories: kind and ENISA RSIT class (`rsitClass`, `rsitType`)\n\n")
                .append("| Category | Kind | RSIT machine tag |\n|---|---|---|\n");
        for (IncidentCategory category : IncidentCategory.values()) {
            out.append("| ").append(category).append(" | ").append(category.kind()).append(" | `")
                    .append(category.rsit().machineTag()).append("` |\n");
        }
        out.append('\n');
    }

    private void deadlines() {
        out.append("### Deadlines (`deadlines`)\n\n")
                .append("Every row whose condition holds adds a deadline, counted from `incident.detectedAt`. ")
                .append("No row holds: no deadline. ")
                .append("On a later revision of the report, a duty that already applied keeps its due time; one that ")
                .append("first applies in revision N runs from revision N's receipt instead of detection.\n\n")
                .append("| Duty | When | Due | Why |\n|---|---|---|---|\n");
        for (DeadlineRules.DutyRule rule : deadlineRules.rules()) {
            out.append("| ").append(rule.duty()).append(" | ").append(rule.when()).append(" | ")
                    .append(DeadlineRules.delay(rule.afterDetection())).append(" | ").append(rule.basis()).append(" |\n");
        }
    }
}
