package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.triage.routing.ArsDirectory;

/**
 * The baseline policy as a table: every impact flag alone, and each boundary between two rules. Each row starts from a report with no impact at all, changes the
 * named facts, and states the whole verdict expected.
 */
class TriagePolicyTest {

    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # case                                   | category                | origin     | status    | care      | conf  | integ | avail | breach | functioning | degraded | health | spread | qualification | maliciousness | severity
        nothing declared                         | OTHER                   | UNKNOWN    | RESOLVED  | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | UNDETERMINED  | LOW
        accidental declared, either category     | OTHER                   | ACCIDENTAL | RESOLVED  | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | NON_MALICIOUS | LOW
        malicious suspicion on accidental kind   | SOFTWARE_BUG            | MALICIOUS  | RESOLVED  | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | MALICIOUS     | LOW
        ransomware declared accidental           | RANSOMWARE              | ACCIDENTAL | CONTAINED | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | MALICIOUS     | LOW
        accidental kind, unknown origin          | TELECOM_LOSS            | UNKNOWN    | RESOLVED  | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | NON_MALICIOUS | LOW
        health system impact                     | PROVIDER_FAILURE        | UNKNOWN    | ONGOING   | NONE      | false | false | false | false  | NONE        | false    | true   | false  | SIGNIFICATIF  | NON_MALICIOUS | HIGH
        spread risk                              | MALWARE                 | MALICIOUS  | CONTAINED | NONE      | false | false | false | false  | NONE        | false    | false  | true   | SIGNIFICATIF  | MALICIOUS     | HIGH
        care safety potential                    | HUMAN_ERROR             | ACCIDENTAL | RESOLVED  | POTENTIAL | false | false | false | false  | NONE        | false    | false  | false  | GRAVE         | NON_MALICIOUS | HIGH
        care safety proven                       | HUMAN_ERROR             | ACCIDENTAL | RESOLVED  | PROVEN    | false | false | false | false  | NONE        | false    | false  | false  | GRAVE         | NON_MALICIOUS | CRITICAL
        confidentiality alone                    | DATA_LEAK               | UNKNOWN    | RESOLVED  | NONE      | true  | false | false | false  | NONE        | false    | false  | false  | GRAVE         | UNDETERMINED  | MEDIUM
        integrity alone                          | SOFTWARE_BUG            | ACCIDENTAL | RESOLVED  | NONE      | false | true  | false | false  | NONE        | false    | false  | false  | GRAVE         | NON_MALICIOUS | MEDIUM
        availability alone is not grave          | INFRASTRUCTURE_FAILURE  | ACCIDENTAL | RESOLVED  | NONE      | false | false | true  | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | NON_MALICIOUS | MEDIUM
        personal data breach alone               | EQUIPMENT_THEFT         | MALICIOUS  | RESOLVED  | NONE      | false | false | false | true   | NONE        | false    | false  | false  | NON_QUALIFIE  | MALICIOUS     | HIGH
        functioning degraded                     | POWER_OR_COOLING_FAILURE| ACCIDENTAL | RESOLVED  | NONE      | false | false | false | false  | DEGRADED    | false    | false  | false  | GRAVE         | NON_MALICIOUS | MEDIUM
        functioning interrupted                  | POWER_OR_COOLING_FAILURE| ACCIDENTAL | RESOLVED  | NONE      | false | false | false | false  | INTERRUPTED | false    | false  | false  | GRAVE         | NON_MALICIOUS | CRITICAL
        degraded mode alone                      | TELECOM_LOSS            | ACCIDENTAL | RESOLVED  | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | NON_MALICIOUS | HIGH
        malicious ongoing in degraded mode       | DDOS                    | UNKNOWN    | ONGOING   | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | MALICIOUS     | CRITICAL
        malicious contained in degraded mode     | DDOS                    | UNKNOWN    | CONTAINED | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | MALICIOUS     | HIGH
        accidental ongoing in degraded mode      | TELECOM_LOSS            | ACCIDENTAL | ONGOING   | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | NON_MALICIOUS | HIGH
        significatif outranks grave              | RANSOMWARE              | MALICIOUS  | ONGOING   | PROVEN    | true  | true  | true  | true   | INTERRUPTED | true     | false  | true   | SIGNIFICATIF  | MALICIOUS     | CRITICAL
        malicious ongoing without degraded mode  | RANSOMWARE              | MALICIOUS  | ONGOING   | NONE      | false | false | false | false  | NONE        | false    | false  | false  | NON_QUALIFIE  | MALICIOUS     | LOW
        undetermined ongoing in degraded mode    | OTHER                   | UNKNOWN    | ONGOING   | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | UNDETERMINED  | HIGH
        suspected malice ongoing, degraded mode  | SOFTWARE_BUG            | MALICIOUS  | ONGOING   | NONE      | false | false | false | false  | NONE        | true     | false  | false  | GRAVE         | MALICIOUS     | CRITICAL
        breach and integrity                     | DATA_LEAK               | ACCIDENTAL | RESOLVED  | NONE      | false | true  | false | true   | NONE        | false    | false  | false  | GRAVE         | NON_MALICIOUS | HIGH
        proven harm outranks degraded functioning| HUMAN_ERROR             | ACCIDENTAL | RESOLVED  | PROVEN    | false | false | false | false  | DEGRADED    | false    | false  | false  | GRAVE         | NON_MALICIOUS | CRITICAL
        potential harm with significatif         | PROVIDER_FAILURE        | ACCIDENTAL | CONTAINED | POTENTIAL | false | false | false | false  | NONE        | false    | true   | false  | SIGNIFICATIF  | NON_MALICIOUS | HIGH
        health system impact and spread          | DDOS                    | MALICIOUS  | RESOLVED  | NONE      | false | false | false | false  | NONE        | false    | true   | true   | SIGNIFICATIF  | MALICIOUS     | HIGH
        availability and degraded functioning    | TELECOM_LOSS            | UNKNOWN    | CONTAINED | NONE      | false | false | true  | false  | DEGRADED    | false    | false  | false  | GRAVE         | NON_MALICIOUS | MEDIUM
        """)
    void shouldApplyTheBaselinePolicy(String caseName, IncidentCategory category, Enums.DeclaredOrigin origin,
                                      Enums.IncidentStatus status, Enums.CareSafety care, boolean confidentiality,
                                      boolean integrity, boolean availability, boolean breach,
                                      Enums.Functioning functioning, boolean degradedMode, boolean healthSystemImpact,
                                      boolean spreadRisk, Enums.LegalQualification qualification,
                                      Enums.Maliciousness maliciousness, Enums.Severity severity) {
        Facts given = Facts.nothingDeclared().category(category).origin(origin).status(status);
        given.careSafety = care;
        given.confidentiality = confidentiality;
        given.integrity = integrity;
        given.availability = availability;
        given.breach = breach;
        given.functioning = functioning;
        given.degradedMode = degradedMode;
        given.healthSystemImpact = healthSystemImpact;
        given.spreadRisk = spreadRisk;
        TriageFacts facts = given.build();

        Verdict verdict = policy.triage(facts);

        assertThat(verdict.legalQualification()).as("qualification").isEqualTo(qualification);
        assertThat(verdict.maliciousness()).as("maliciousness").isEqualTo(maliciousness);
        assertThat(verdict.severity()).as("severity").isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0} declared ACCIDENTAL is explained")
    @CsvSource({"RANSOMWARE", "PHISHING", "DDOS"})
    void shouldExplainWhyAnAccidentalDeclarationWasClassedMalicious(IncidentCategory category) {
        TriageFacts facts = Facts.nothingDeclared().category(category).origin(Enums.DeclaredOrigin.ACCIDENTAL).build();

        assertThat(policy.triage(facts).reasons())
                .contains("Classed MALICIOUS although declared ACCIDENTAL: " + category + " is a malicious category.");
    }

    @org.junit.jupiter.api.Test
    void shouldGiveOneReasonPerPartOfTheVerdictInOrder() {
        Verdict verdict = policy.triage(Facts.nothingDeclared().build());

        assertThat(verdict.reasons()).containsExactly(
                "Routed to ARS Bretagne (region 53) from site FINESS prefix 35 (Ille-et-Vilaine).",
                "Not qualified: none of the consequences listed in CSP D.1111-16-2 was declared.",
                "Maliciousness UNDETERMINED: origin unknown and OTHER can be either.",
                "Severity LOW: no impact on care, data or functioning was declared.",
                "Marked TLP:AMBER: the standard marking of incident reports.");
    }
}
