package org.psig.triage.config;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.psig.triage.rules.Tlp;
import org.psig.triage.rules.TriageParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tunable part of the triage policy. Changing any value changes the {@code rulesetVersion} of
 * the verdicts that follow, so analysts can tell which parameters produced a verdict.
 *
 * @param standardTlp marking of a report no stricter rule marks (AMBER)
 * @param deadlines   time from detection to each duty's deadline
 */
@Validated
@ConfigurationProperties("psig.triage")
record TriageProperties(@NotNull Tlp standardTlp, @NotNull Deadlines deadlines) {

    /**
     * @param cnil             GDPR art. 33: 72 h
     * @param anssi            OSE/OIV: "sans délai", so zero: due as soon as detected
     * @param nis2EarlyWarning NIS2 art. 23(4)(a): 24 h
     * @param nis2Notification NIS2 art. 23(4)(b): 72 h
     */
    record Deadlines(@NotNull Duration cnil, @NotNull Duration anssi, @NotNull Duration nis2EarlyWarning,
                     @NotNull Duration nis2Notification) {
    }

    TriageParameters parameters() {
        return new TriageParameters(standardTlp, deadlines.cnil(), deadlines.anssi(), deadlines.nis2EarlyWarning(),
                deadlines.nis2Notification());
    }
}
