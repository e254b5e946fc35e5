package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.triage.routing.ArsDirectory;

/**
 * The baseline policy as a table. Each row starts from a report with no impact at all, changes the
 * named facts, and states the whole verdict expected.
 */
class TriagePolicyTest {

    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath());

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
        """)
    void shouldApplyTheBaselinePolicy(String caseName, IncidentCategory category, Enums.DeclaredOrigin origin,
                                      Enums.IncidentStatus status, Enums.CareSafety care, boolean confidentiality,
                                      boolean integrity, boolean availability, boolean breach,
                                      Enums.Functioning functioning, boolean degradedMode, boolean healthSystemImpact,
                                      boolean spreadRisk, Enums.LegalQualification qualification,
                                      Enums.Maliciousness maliciousness, Enums.Severity severity) {
        TriageFacts facts = new TriageFacts("350100426", category, origin, status, care, confidentiality, integrity,
                availability, breach, functioning, degradedMode, healthSystemImpact, spreadRisk);

        Verdict verdict = policy.triage(facts);

        assertThat(verdict.legalQualification()).as("qualification").isEqualTo(qualification);
        assertThat(verdict.maliciousness()).as("maliciousness").isEqualTo(maliciousness);
        assertThat(verdict.severity()).as("severity").isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0} declared ACCIDENTAL is explained")
    @CsvSource({"RANSOMWARE", "PHISHING", "DDOS"})
    void shouldExplainWhyAnAccidentalDeclarationWasClassedMalicious(IncidentCategory category) {
        TriageFacts facts = new TriageFacts("350100426", category, Enums.DeclaredOrigin.ACCIDENTAL,
                Enums.IncidentStatus.RESOLVED, Enums.CareSafety.NONE, false, false, false, false,
                Enums.Functioning.NONE, false, false, false);

        assertThat(policy.triage(facts).reasons())
                .contains("Classed MALICIOUS although declared ACCIDENTAL: " + category + " is a malicious category.");
    }
}
