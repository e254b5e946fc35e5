package org.psig.triage.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * The tunable part of the policy. Every verdict's {@code rulesetVersion} names the rules and, when
 * an operator changed a parameter, a digest of the parameters, so two verdicts with the same
 * version were always produced by the same rules.
 *
 * @param standardTlp              marking of a report that no stricter rule marks
 * @param cnilNotification         time from detection to the CNIL deadline (GDPR: 72 h)
 * @param anssiNotification        time from detection to the ANSSI deadline for OSE/OIV ("sans délai": zero)
 * @param nis2EarlyWarning         time from detection to the NIS2 early warning (24 h)
 * @param nis2IncidentNotification time from detection to the NIS2 incident notification (72 h)
 */
public record TriageParameters(Tlp standardTlp, Duration cnilNotification, Duration anssiNotification,
                               Duration nis2EarlyWarning, Duration nis2IncidentNotification) {

    /** Bumped whenever a rule changes. */
    public static final String RULES_VERSION = "2026.11-2";

    public static final TriageParameters DEFAULTS = new TriageParameters(Tlp.AMBER, Duration.ofHours(72),
            Duration.ZERO, Duration.ofHours(24), Duration.ofHours(72));

    public TriageParameters {
        Objects.requireNonNull(standardTlp, "standardTlp");
        for (Duration duration : new Duration[] {cnilNotification, anssiNotification, nis2EarlyWarning,
                nis2IncidentNotification}) {
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("deadlines must be zero or positive durations");
            }
        }
    }

    public String rulesetVersion() {
        if (equals(DEFAULTS)) {
            return RULES_VERSION;
        }
        return RULES_VERSION + "+params." + Integer.toHexString(toString().hashCode());
    }
}
