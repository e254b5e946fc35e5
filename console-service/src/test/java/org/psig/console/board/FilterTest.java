package org.psig.console.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTest {

    private static final IncidentCard OUTAGE = new IncidentCard("id-1", 1, "INITIAL", Instant.EPOCH, "750000001", "EHPAD",
            "ESMS", "11", "SIGNIFICATIF", "NON_MALICIOUS", "HIGH", "PROVIDER_FAILURE", "Hébergeur SIL", "AMBER",
            "availability", "outage", Instant.EPOCH, "s", "d", "ONGOING", List.of(), List.of(), "r");

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} {5} {6} -> {7}")
    @CsvSource(nullValues = "NULL", value = {
            "NULL, NULL, NULL, NULL, NULL, NULL, NULL, true",
            "11, NULL, NULL, NULL, NULL, NULL, NULL, true",
            "53, NULL, NULL, NULL, NULL, NULL, NULL, false",
            "'', '', '', '', '', '', '', true",
            "NULL, HIGH, NULL, NULL, NULL, NULL, NULL, true",
            "NULL, CRITICAL, NULL, NULL, NULL, NULL, NULL, false",
            "NULL, NULL, GRAVE, NULL, NULL, NULL, NULL, false",
            "NULL, NULL, NULL, MALICIOUS, NULL, NULL, NULL, false",
            "NULL, NULL, NULL, NULL, PROVIDER_FAILURE, NULL, NULL, true",
            "NULL, NULL, NULL, NULL, RANSOMWARE, NULL, NULL, false",
            "NULL, NULL, NULL, NULL, NULL, hébergeur, NULL, true",
            "NULL, NULL, NULL, NULL, NULL, ' SIL ', NULL, true",
            "NULL, NULL, NULL, NULL, NULL, Maincare, NULL, false",
            "NULL, NULL, NULL, NULL, NULL, NULL, AMBER, true",
            "NULL, NULL, NULL, NULL, NULL, NULL, AMBER_STRICT, false",
            "11, HIGH, SIGNIFICATIF, NON_MALICIOUS, PROVIDER_FAILURE, sil, AMBER, true"})
    void shouldLetThroughWhatEveryGivenFieldAllows(String region, String severity, String qualification, String maliciousness,
                                                   String category, String provider, String tlp, boolean shown) {
        assertThat(new Filter(region, severity, qualification, maliciousness, category, provider, tlp).matches(OUTAGE))
                .isEqualTo(shown);
    }
}
