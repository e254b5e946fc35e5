package org.psig.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.psig.schemas.Deadline;
import org.psig.schemas.Duty;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.VerdictHeaders;
import org.psig.testsupport.ReportFixtures;

/** What the memory keeps of every verdict, and what one status shows. */
class KnownVerdictTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T06:45:00Z");

    private final IncidentTriaged triaged = IncidentTriaged.newBuilder().setEventId(UUID.randomUUID())
            .setOccurredAt(RECEIVED).setIncidentId(UUID.randomUUID()).setReceivedAt(RECEIVED).setRevision(3)
            // Copies, as a decoder makes them: the summary must not keep one per verdict.
            .setArsRegionCode(new String("53")).setRulesetVersion(new String("2026.11-2"))
            .setLegalQualification(LegalQualification.GRAVE).setMaliciousness(Maliciousness.MALICIOUS)
            .setSeverity(Severity.CRITICAL).setTlp(Tlp.AMBER)
            .setDeadlines(List.of(new Deadline(Duty.CNIL_NOTIFICATION, RECEIVED.plusSeconds(72 * 3600))))
            .setReasons(List.of("Rançongiciel: malveillant.", "Données de santé exposées: CNIL sous 72 h."))
            .setReport(ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel")).build();

    @Test
    void shouldShowTheWholeVerdictForOneStatus() {
        KnownVerdict verdict = KnownVerdict.of(triaged);

        assertThat(verdict.reasons()).containsExactly("Rançongiciel: malveillant.",
                "Données de santé exposées: CNIL sous 72 h.");
        assertThat(verdict.revision()).isEqualTo(3);
        assertThat(verdict.severity()).isEqualTo("CRITICAL");
    }

    @Test
    void shouldKeepASummaryWithoutReasonsWhoseTextsAreShared() {
        KnownVerdict summary = KnownVerdict.summaryOf(triaged);

        assertThat(summary.reasons()).isNull();
        assertThat(summary).usingRecursiveComparison().ignoringFields("reasons").isEqualTo(KnownVerdict.of(triaged));
        assertThat(summary.arsRegionCode()).isSameAs("53");
        assertThat(summary.rulesetVersion()).isSameAs("2026.11-2");
    }

    @Test
    void shouldReadTheSameSummaryFromTheVerdictsHeaders() {
        Map<String, String> headers = VerdictHeaders.of(triaged);

        KnownVerdict fromHeaders = KnownVerdict.summaryOf(headers::get);

        assertThat(fromHeaders).isEqualTo(KnownVerdict.summaryOf(triaged));
        assertThat(fromHeaders.deadlines()).singleElement().isEqualTo(new KnownVerdict.Due("CNIL_NOTIFICATION",
                RECEIVED.plusSeconds(72 * 3600)));
        assertThat(fromHeaders.arsRegionCode()).isSameAs("53");
    }

    @Test
    void shouldReadNoRegionAndNoDeadlineFromTheHeadersOfAnUnroutedVerdict() {
        IncidentTriaged unrouted = IncidentTriaged.newBuilder(triaged).setArsRegionCode(null).setDeadlines(List.of()).build();

        KnownVerdict fromHeaders = KnownVerdict.summaryOf(VerdictHeaders.of(unrouted)::get);

        assertThat(fromHeaders.arsRegionCode()).isNull();
        assertThat(fromHeaders.deadlines()).isEmpty();
        assertThat(fromHeaders).isEqualTo(KnownVerdict.summaryOf(unrouted));
    }

    @Test
    void shouldKeepNoRegionForAnUnroutedVerdict() {
        IncidentTriaged unrouted = IncidentTriaged.newBuilder(triaged).setArsRegionCode(null).build();

        assertThat(KnownVerdict.summaryOf(unrouted).arsRegionCode()).isNull();
    }
}
