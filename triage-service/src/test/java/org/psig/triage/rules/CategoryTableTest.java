package org.psig.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.triage.rules.Enums.DeclaredOrigin;
import org.psig.triage.rules.Enums.Maliciousness;
import org.psig.triage.routing.ArsDirectory;

/** Every category with every declared origin, and its ENISA RSIT class and type. */
class CategoryTableTest {

    private final TriagePolicy policy = new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # category               | declared MALICIOUS | declared ACCIDENTAL | declared UNKNOWN | RSIT class                   | RSIT type
        RANSOMWARE               | MALICIOUS          | MALICIOUS           | MALICIOUS        | information-content-security | unauthorised-information-modification
        SYSTEM_COMPROMISE        | MALICIOUS          | MALICIOUS           | MALICIOUS        | intrusions                   | system-compromise
        ACCOUNT_COMPROMISE       | MALICIOUS          | MALICIOUS           | MALICIOUS        | intrusions                   | unprivileged-account-compromise
        PHISHING                 | MALICIOUS          | MALICIOUS           | MALICIOUS        | fraud                        | phishing
        MALWARE                  | MALICIOUS          | MALICIOUS           | MALICIOUS        | malicious-code               | infected-system
        DDOS                     | MALICIOUS          | MALICIOUS           | MALICIOUS        | availability                 | ddos
        DEFACEMENT               | MALICIOUS          | MALICIOUS           | MALICIOUS        | information-content-security | unauthorised-information-modification
        EQUIPMENT_THEFT          | MALICIOUS          | MALICIOUS           | MALICIOUS        | intrusions                   | burglary
        EXPLOITED_VULNERABILITY  | MALICIOUS          | MALICIOUS           | MALICIOUS        | intrusions                   | application-compromise
        DATA_LEAK                | MALICIOUS          | NON_MALICIOUS       | UNDETERMINED     | information-content-security | data-leak
        OTHER                    | MALICIOUS          | NON_MALICIOUS       | UNDETERMINED     | other                        | other
        INFRASTRUCTURE_FAILURE   | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | outage
        PROVIDER_FAILURE         | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | outage
        TELECOM_LOSS             | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | outage
        SOFTWARE_BUG             | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | outage
        POWER_OR_COOLING_FAILURE | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | outage
        HUMAN_ERROR              | MALICIOUS          | NON_MALICIOUS       | NON_MALICIOUS    | availability                 | misconfiguration
        """)
    void shouldClassEveryCategoryWhateverTheDeclaredOrigin(IncidentCategory category, Maliciousness declaredMalicious,
                                                          Maliciousness declaredAccidental, Maliciousness declaredUnknown,
                                                          String rsitClass, String rsitType) {
        assertThat(maliciousness(category, DeclaredOrigin.MALICIOUS)).as("declared MALICIOUS").isEqualTo(declaredMalicious);
        assertThat(maliciousness(category, DeclaredOrigin.ACCIDENTAL)).as("declared ACCIDENTAL").isEqualTo(declaredAccidental);
        assertThat(maliciousness(category, DeclaredOrigin.UNKNOWN)).as("declared UNKNOWN").isEqualTo(declaredUnknown);
        assertThat(policy.triage(Facts.nothingDeclared().category(category).build()).rsit())
                .isEqualTo(new Rsit(rsitClass, rsitType));
    }

    @Test
    void shouldListEveryCategoryOfTheContractInTheTable() {
        assertThat(IncidentCategory.values()).hasSize(17);
    }

    @Test
    void shouldSpellTheRsitMachineTagAsMisp() {
        assertThat(IncidentCategory.POWER_OR_COOLING_FAILURE.rsit().machineTag()).isEqualTo("rsit:availability=\"outage\"");
    }

    private Maliciousness maliciousness(IncidentCategory category, DeclaredOrigin origin) {
        return policy.triage(Facts.nothingDeclared().category(category).origin(origin).build()).maliciousness();
    }
}
