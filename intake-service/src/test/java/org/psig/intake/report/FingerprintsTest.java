package org.psig.intake.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.psig.schemas.IncidentReport;
import org.psig.testsupport.ReportFixtures;

class FingerprintsTest {

    private final IncidentReport report = ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel");

    @Test
    void shouldGiveEqualContentTheSameFingerprint() {
        IncidentReport same = ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel");

        assertThat(Fingerprints.of(same)).isEqualTo(Fingerprints.of(report)).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldTellAnyChangeApart() {
        IncidentReport summary = ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel étendu");
        IncidentReport impact = IncidentReport.newBuilder(report).setImpacts(
                org.psig.schemas.Impacts.newBuilder(report.getImpacts()).setSpreadRisk(!report.getImpacts().getSpreadRisk())
                        .build()).build();

        assertThat(Fingerprints.of(summary)).isNotEqualTo(Fingerprints.of(report));
        assertThat(Fingerprints.of(impact)).isNotEqualTo(Fingerprints.of(report));
    }

    @Test
    void shouldRecogniseAFingerprintOfEitherEncodingOfTheSameContentOnly() {
        IncidentReport other = ReportFixtures.ransomware("KER-2026-0042", "350100426", "Autre");
        String current = Fingerprints.of(report);

        assertThat(Fingerprints.sameContent(current, current, report)).isTrue();
        assertThat(Fingerprints.sameContent(Fingerprints.legacy(report), current, report)).isTrue();
        assertThat(Fingerprints.sameContent(Fingerprints.legacy(other), current, report)).isFalse();
        assertThat(Fingerprints.sameContent(Fingerprints.of(other), current, report)).isFalse();
    }
}
