package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.IncidentStatus;
import org.psig.triage.routing.ArsDirectory;

/** The TLP marking, the deadlines a report starts, and the version that names the parameters. */
class EnrichmentTest {

    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "RANSOMWARE,   MALICIOUS,  ONGOING,   AMBER_STRICT",
        "SOFTWARE_BUG, MALICIOUS,  ONGOING,   AMBER_STRICT",
        "RANSOMWARE,   MALICIOUS,  CONTAINED, AMBER",
        "RANSOMWARE,   MALICIOUS,  RESOLVED,  AMBER",
        "SOFTWARE_BUG, ACCIDENTAL, ONGOING,   AMBER",
        "OTHER,        UNKNOWN,    ONGOING,   AMBER"})
    void shouldMarkOngoingMaliciousIncidentsAmberStrictAndTheRestAmber(IncidentCategory category, DeclaredOrigin origin,
                                                                       IncidentStatus status, Tlp expected) {
        Verdict verdict = policy.triage(Facts.nothingDeclared().category(category).origin(origin).status(status).build());

        assertThat(verdict.tlp()).isEqualTo(expected);
        assertThat(verdict.reasons()).anySatisfy(reason -> assertThat(reason).startsWith("Marked " + expected.label()));
    }

    @Test
    void shouldNeverMarkBelowAConfiguredStricterStandard() {
        TriagePolicy red = new TriagePolicy(ArsDirectory.fromClasspath(), withStandardTlp(Tlp.RED));

        Verdict ongoingAttack = red.triage(Facts.nothingDeclared().category(IncidentCategory.RANSOMWARE)
                .status(IncidentStatus.ONGOING).build());

        assertThat(ongoingAttack.tlp()).isEqualTo(Tlp.RED);
    }

    @Test
    void shouldStartNoClockWhenNoDutyApplies() {
        assertThat(policy.triage(Facts.nothingDeclared().build()).deadlines()).isEmpty();
    }

    @Test
    void shouldGiveTheCnil72HoursFromDetectionForAnUnnotifiedBreach() {
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;

        Verdict verdict = policy.triage(breach.build());

        assertThat(verdict.deadlines()).singleElement().satisfies(deadline -> {
            assertThat(deadline.duty()).isEqualTo(Duty.CNIL_NOTIFICATION);
            assertThat(deadline.dueAt()).isEqualTo(Instant.parse("2026-11-30T05:40:00Z"));
        });
        assertThat(verdict.reasons()).contains("CNIL_NOTIFICATION due by 2026-11-30T05:40:00Z (72 h after detection): "
                + "a personal-data breach not yet notified to the CNIL (GDPR art. 33).");
    }

    @Test
    void shouldNotFlagTheCnilWhenTheDeclarantAlreadyNotifiedIt() {
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;
        breach.cnilNotified = true;

        assertThat(policy.triage(breach.build()).deadlines()).isEmpty();
    }

    @Test
    void shouldNotFlagTheCnilWithoutAPersonalDataBreach() {
        Facts confidentiality = Facts.nothingDeclared();
        confidentiality.confidentiality = true;

        assertThat(policy.triage(confidentiality.build()).deadlines()).isEmpty();
    }

    @Test
    void shouldStartAnssiAndNis2ClocksForAnEssentialOperator() {
        Facts essential = Facts.nothingDeclared();
        essential.essentialOperator = true;

        Verdict verdict = policy.triage(essential.build());

        assertThat(verdict.deadlines()).extracting(Deadline::duty, Deadline::dueAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Duty.ANSSI_NOTIFICATION, Facts.DETECTED_AT),
                org.assertj.core.groups.Tuple.tuple(Duty.NIS2_EARLY_WARNING, Instant.parse("2026-11-28T05:40:00Z")),
                org.assertj.core.groups.Tuple.tuple(Duty.NIS2_INCIDENT_NOTIFICATION, Instant.parse("2026-11-30T05:40:00Z")));
        assertThat(verdict.reasons()).contains("ANSSI_NOTIFICATION due by 2026-11-27T05:40:00Z (without delay): "
                + "an OSE or OIV reports to the ANSSI without delay.");
    }

    @Test
    void shouldStartEveryClockWhenEveryDutyApplies() {
        Facts both = Facts.nothingDeclared();
        both.essentialOperator = true;
        both.breach = true;

        assertThat(policy.triage(both.build()).deadlines()).extracting(Deadline::duty).containsExactly(
                Duty.CNIL_NOTIFICATION, Duty.ANSSI_NOTIFICATION, Duty.NIS2_EARLY_WARNING, Duty.NIS2_INCIDENT_NOTIFICATION);
    }

    @Test
    void shouldCountConfiguredDeadlinesFromDetection() {
        TriageParameters shorter = new TriageParameters(Tlp.AMBER, Duration.ofMinutes(90), Duration.ZERO,
                Duration.ofHours(24), Duration.ofHours(72));
        Facts breach = Facts.nothingDeclared();
        breach.breach = true;

        Verdict verdict = new TriagePolicy(ArsDirectory.fromClasspath(), shorter).triage(breach.build());

        assertThat(verdict.deadlines().get(0).dueAt()).isEqualTo(Facts.DETECTED_AT.plus(Duration.ofMinutes(90)));
        assertThat(verdict.reasons()).anySatisfy(reason -> assertThat(reason).contains("(90 min after detection)"));
    }

    @Test
    void shouldNameTheRulesAloneWithTheDefaultParameters() {
        assertThat(policy.triage(Facts.nothingDeclared().build()).rulesetVersion())
                .isEqualTo(TriageParameters.RULES_VERSION);
    }

    @Test
    void shouldNameChangedParametersInTheRulesetVersion() {
        String version = withStandardTlp(Tlp.RED).rulesetVersion();

        assertThat(version).startsWith(TriageParameters.RULES_VERSION + "+params.")
                .isNotEqualTo(withStandardTlp(Tlp.GREEN).rulesetVersion())
                .isEqualTo(withStandardTlp(Tlp.RED).rulesetVersion());
    }

    @Test
    void shouldRefuseANegativeDeadline() {
        assertThatThrownBy(() -> new TriageParameters(Tlp.AMBER, Duration.ofHours(-1), Duration.ZERO,
                Duration.ofHours(24), Duration.ofHours(72))).isInstanceOf(IllegalArgumentException.class);
    }

    private static TriageParameters withStandardTlp(Tlp tlp) {
        TriageParameters defaults = TriageParameters.DEFAULTS;
        return new TriageParameters(tlp, defaults.cnilNotification(), defaults.anssiNotification(),
                defaults.nis2EarlyWarning(), defaults.nis2IncidentNotification());
    }
}
