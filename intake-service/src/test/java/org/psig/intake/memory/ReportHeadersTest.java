package org.psig.intake.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Establishment;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Resolution;
import org.psig.schemas.RevisionNote;
import org.psig.testsupport.ReportFixtures;

class ReportHeadersTest {

    private static final KnownReport.Position AT = new KnownReport.Position(3, 42);

    private static IncidentReported reported(IncidentReport report) {
        return IncidentReported.newBuilder().setEventId(UUID.randomUUID()).setIncidentId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-27T06:45:00Z")).setReceivedAt(Instant.parse("2026-11-27T06:45:00.123456Z"))
                .setContentFingerprint("ab".repeat(32)).setReport(report).build();
    }

    @Test
    void shouldCarryWhatTheMemoryNeedsOfAReport() {
        IncidentReport fixture = ReportFixtures.ransomware("KER-1", "350100426", "Rançongiciel");
        IncidentReport report = IncidentReport.newBuilder(fixture).setEstablishment(
                Establishment.newBuilder(fixture.getEstablishment()).setFinessEj("350005179").build()).build();
        IncidentReported reported = reported(report);
        RecordHeaders headers = new RecordHeaders();

        ReportHeaders.write(reported, headers);

        var establishment = reported.getReport().getEstablishment();
        assertThat(ReportHeaders.read(reported.getIncidentId().toString(), headers, AT)).contains(new KnownReport(
                reported.getIncidentId(), 1, "ab".repeat(32), reported.getReceivedAt(), establishment.getFinessEt(),
                establishment.getFinessEj(), "KER-1", false, List.of(), AT));
    }

    @Test
    void shouldCarryTheRevisionTheClosureAndTheWarnings() {
        IncidentReport report = ReportFixtures.ransomware("KER-3", "350100426", "Rançongiciel");
        IncidentReported closure = IncidentReported.newBuilder(reported(report)).setRevision(4)
                .setRevisionNote(new RevisionNote("Restored", new Resolution("2026-11-29T18:00:00+01:00", "VPN", "MFA")))
                .setWarnings(List.of("/establishment/finessEt: check digit", "/establishment/finessEj: check digit"))
                .build();
        RecordHeaders headers = new RecordHeaders();

        ReportHeaders.write(closure, headers);

        assertThat(ReportHeaders.read(closure.getIncidentId().toString(), headers, AT)).hasValueSatisfying(known -> {
            assertThat(known.revision()).isEqualTo(4);
            assertThat(known.closes()).isTrue();
            assertThat(known.warnings()).containsExactly("/establishment/finessEt: check digit",
                    "/establishment/finessEj: check digit");
            assertThat(known.position()).isEqualTo(AT);
        });
    }

    @Test
    void shouldLeaveOutTheLegalEntityOfAnEstablishmentThatHasNone() {
        IncidentReport report = ReportFixtures.ransomware("KER-2", "350100426", "Rançongiciel");
        IncidentReported reported = reported(report);
        RecordHeaders headers = new RecordHeaders();

        ReportHeaders.write(reported, headers);

        assertThat(headers.lastHeader(ReportHeaders.FINESS_EJ)).isNull();
        assertThat(ReportHeaders.read(reported.getIncidentId().toString(), headers, AT))
                .hasValueSatisfying(known -> assertThat(known.finessEj()).isNull());
    }

    @Test
    void shouldReadNothingFromARecordWrittenWithoutTheHeaders() {
        RecordHeaders partial = new RecordHeaders();
        partial.add(ReportHeaders.FINGERPRINT, "ab".getBytes());

        assertThat(ReportHeaders.read(UUID.randomUUID().toString(), new RecordHeaders(), AT)).isEmpty();
        assertThat(ReportHeaders.read(UUID.randomUUID().toString(), partial, AT)).isEmpty();
    }
}
