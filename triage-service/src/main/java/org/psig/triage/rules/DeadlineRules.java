package org.psig.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** The clocks a report starts: each duty that applies, due a fixed time after detection. */
final class DeadlineRules {

    /** One duty, the condition that makes it apply, and how long after detection it falls due. */
    record DutyRule(Duty duty, String when, Predicate<TriageFacts> applies, Duration afterDetection, String basis) {
    }

    private final List<DutyRule> rules;

    DeadlineRules(TriageParameters parameters) {
        rules = List.of(
                new DutyRule(Duty.CNIL_NOTIFICATION, "`personalDataBreach` is true and `actions.cnilNotified` is not true",
                        facts -> facts.personalDataBreach() && !facts.cnilNotified(),
                        parameters.cnilNotification(), "a personal-data breach not yet notified to the CNIL (GDPR art. 33)"),
                new DutyRule(Duty.ANSSI_NOTIFICATION, "`establishment.essentialOperator` is true",
                        TriageFacts::essentialOperator,
                        parameters.anssiNotification(), "an OSE or OIV reports to the ANSSI without delay"),
                new DutyRule(Duty.NIS2_EARLY_WARNING, "`establishment.essentialOperator` is true",
                        TriageFacts::essentialOperator,
                        parameters.nis2EarlyWarning(), "NIS2 art. 23 early warning of an essential entity"),
                new DutyRule(Duty.NIS2_INCIDENT_NOTIFICATION, "`establishment.essentialOperator` is true",
                        TriageFacts::essentialOperator,
                        parameters.nis2IncidentNotification(), "NIS2 art. 23 incident notification of an essential entity"));
    }

    List<DutyRule> rules() {
        return rules;
    }

    List<Deadline> deadlines(TriageFacts facts, Revision revision) {
        return rules.stream().filter(rule -> rule.applies().test(facts))
                .map(rule -> deadline(rule, facts, revision))
                .toList();
    }

    private static Deadline deadline(DutyRule rule, TriageFacts facts, Revision revision) {
        Instant running = revision.runningDeadlines().get(rule.duty());
        if (running != null) {
            return new Deadline(rule.duty(), running, rule.duty() + " due by " + running
                    + " (set when it first applied, unchanged by revision " + revision.number() + "): " + rule.basis() + ".");
        }
        if (revision.number() > 1) {
            Instant dueAt = revision.receivedAt().plus(rule.afterDetection());
            return new Deadline(rule.duty(), dueAt, rule.duty() + " due by " + dueAt + " (" + delay(rule.afterDetection(),
                    "after revision " + revision.number() + " was received, the first to make it apply") + "): "
                    + rule.basis() + ".");
        }
        Instant dueAt = facts.detectedAt().plus(rule.afterDetection());
        return new Deadline(rule.duty(), dueAt, rule.duty() + " due by " + dueAt + " ("
                + delay(rule.afterDetection()) + "): " + rule.basis() + ".");
    }

    static String delay(Duration duration) {
        return delay(duration, "after detection");
    }

    private static String delay(Duration duration, String anchor) {
        if (duration.isZero()) {
            return "without delay";
        }
        String amount = duration.toMinutesPart() == 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
        return amount + " " + anchor;
    }
}
