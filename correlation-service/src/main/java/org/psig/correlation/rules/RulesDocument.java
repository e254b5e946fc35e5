package org.psig.correlation.rules;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The campaign rules as Markdown, so that the analysts' document is the code's own words. */
public final class RulesDocument {

    private RulesDocument() {
    }

    public static String markdown(List<CorrelationRule> rules, GrowthSteps steps) {
        StringBuilder out = new StringBuilder()
                .append("Rules version `").append(CorrelationRules.VERSION).append("`.\n\n")
                .append("| Rule (`rule`) | Looks at | Members share (`key`) | Window | Opens at |\n|---|---|---|---|---|\n");
        for (CorrelationRule rule : rules) {
            out.append("| `").append(rule.id()).append("` | ").append(rule.when()).append(" | ").append(rule.sharedKey())
                    .append(" | ").append(hours(rule.window())).append(" | ").append(rule.minEstablishments())
                    .append(" distinct establishments (FINESS ET) |\n");
        }
        return out.append("\nAlerts on `psig.notification.campaigns`: `OPENED` when a campaign opens, `GREW` when its members reach ")
                .append(steps.counts().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .append(", `CLOSED` when it closes.\n").toString();
    }

    private static String hours(Duration window) {
        return window.toHours() + " h";
    }
}
