package org.psig.correlation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which rules look at which incidents, and under which key. */
class CorrelationRulesTest {

    private final Correlation correlation = new Correlation(CorrelationRules.DEFAULTS, GrowthSteps.DEFAULTS);

    @ParameterizedTest(name = "{0} {1} region {2} provider {3} -> {4}")
    @CsvSource(delimiter = ';', nullValues = "NULL", value = {
            "PROVIDER_FAILURE; NON_MALICIOUS; 11; Hébergeur SIL; provider-outage|PROVIDER_FAILURE|hebergeur sil",
            "TELECOM_LOSS; NON_MALICIOUS; NULL; Orange Business SA; provider-outage|TELECOM_LOSS|orange business",
            "PROVIDER_FAILURE; NON_MALICIOUS; 11; NULL; ''",
            "SOFTWARE_BUG; NON_MALICIOUS; 11; Maincare; shared-provider|maincare",
            "RANSOMWARE; MALICIOUS; 53; Maincare; shared-provider|maincare + regional-malicious-wave|53|RANSOMWARE",
            "PHISHING; MALICIOUS; 53; NULL; regional-malicious-wave|53|PHISHING",
            "PHISHING; MALICIOUS; NULL; NULL; ''",
            "PHISHING; UNDETERMINED; 53; NULL; ''",
            "POWER_OR_COOLING_FAILURE; NON_MALICIOUS; 76; NULL; ''"})
    void shouldKeyEachIncidentUnderTheRulesThatApply(String category, String maliciousness, String region,
                                                     String provider, String keys) {
        Sighting sighting = Seen.of(category, maliciousness, "MEDIUM", 1, region, provider, 0);

        assertThat(correlation.keys(sighting)).isEqualTo(keys.isEmpty() ? List.of() : List.of(keys.split(" \\+ ")));
    }
}
