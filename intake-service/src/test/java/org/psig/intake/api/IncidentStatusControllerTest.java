package org.psig.intake.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownIncidents;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.status.KnownVerdict;
import org.psig.intake.status.LatestVerdict;
import org.psig.intake.status.Notified;
import org.psig.schemas.Deadline;
import org.psig.schemas.Duty;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.Topics;
import org.psig.testsupport.ReportFixtures;

/** The declarant's status and listing at the web layer, with what the topics say replaced. */
class IncidentStatusControllerTest extends IntakeWebTestBase {

    private static final UUID KERLANN = IncidentIds.of("350100426", "KER-2026-0042");
    private static final Instant RECEIVED = Instant.parse("2026-11-27T06:45:00Z");
    private static final KnownReport.Position VERDICT_AT = new KnownReport.Position(2, 7);
    private final KnownIncident closed = KnownIncidents.withRevision(
            KnownIncidents.initial(KERLANN, "f1", RECEIVED, "350100426", "350100434"), "f2", true);

    @BeforeEach
    void aClosedIncident() {
        when(index.find(KERLANN)).thenReturn(Optional.of(closed));
        when(index.all()).thenReturn(List.of(closed,
                KnownIncidents.initial(UUID.randomUUID(), "f", RECEIVED.plusSeconds(5), "130800915", null)));
        // The memory keeps the verdict without its reasons; one status reads them back from the record.
        when(timeline.verdict(KERLANN)).thenReturn(Optional.of(new LatestVerdict(new KnownVerdict(2, "SIGNIFICATIF",
                "MALICIOUS", "CRITICAL", "53", "AMBER", List.of(new KnownVerdict.Due("CNIL_NOTIFICATION",
                RECEIVED.plusSeconds(3600))), null, "2026.11-2"), VERDICT_AT)));
        when(records.read(eq(Topics.INCIDENT_TRIAGED), eq(VERDICT_AT), eq(IncidentTriaged.class), anyLong()))
                .thenReturn(IncidentTriaged.newBuilder().setEventId(UUID.randomUUID()).setOccurredAt(RECEIVED)
                        .setIncidentId(KERLANN).setReceivedAt(RECEIVED).setRevision(2).setArsRegionCode("53")
                        .setLegalQualification(LegalQualification.SIGNIFICATIF).setMaliciousness(Maliciousness.MALICIOUS)
                        .setSeverity(Severity.CRITICAL).setTlp(Tlp.AMBER).setDeadlines(List.of(new Deadline(
                                Duty.CNIL_NOTIFICATION, RECEIVED.plusSeconds(3600))))
                        .setReasons(List.of("Routed to ARS 53.")).setRulesetVersion("2026.11-2")
                        .setReport(ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel")).build());
        when(timeline.notified(KERLANN)).thenReturn(List.of(new Notified("ARS-53", 1, RECEIVED.plusMillis(50)),
                new Notified("HFDS", 1, RECEIVED.plusMillis(50)), new Notified("ARS-53", 2, RECEIVED.plusSeconds(61)),
                new Notified("HFDS", 2, RECEIVED.plusSeconds(61))));
    }

    @Test
    void shouldAnswerAKnownIncidentAndTheListingFromTheMemoryWithoutAskingWhereTheLogEnds() throws Exception {
        mvc.perform(get(PATH + "/" + KERLANN).header("Authorization", DEMO_KEY)).andExpect(status().isOk());
        mvc.perform(get(PATH).header("Authorization", DEMO_KEY)).andExpect(status().isOk());

        verify(index, never()).awaitCaughtUp(anyLong());
    }

    /** A 202's position, from any instance: the status waits until this instance's memory has read it. */
    @Test
    void shouldAnswerOnceTheMemoryHasReadTheWriteAtLeastAsked() throws Exception {
        mvc.perform(get(PATH + "/" + KERLANN).param("atLeast", "3-41").header("Authorization", DEMO_KEY))
                .andExpect(status().isOk());
        mvc.perform(get(PATH).param("atLeast", "2-7").header("Authorization", DEMO_KEY)).andExpect(status().isOk());

        verify(index).awaitRead(eq(new KnownReport.Position(3, 41)), anyLong());
        verify(index).awaitRead(eq(new KnownReport.Position(2, 7)), anyLong());
    }

    @ParameterizedTest
    @CsvSource({"3", "3-", "-41", "a-41", "3-41-2", "99999-1"})
    void shouldRefuseAPositionThisApiDidNotGive(String token) throws Exception {
        mvc.perform(get(PATH + "/" + KERLANN).param("atLeast", token).header("Authorization", DEMO_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("?atLeast"));

        verify(index, never()).awaitRead(any(), anyLong());
    }

    /** Accepted a moment ago by another instance, perhaps: the memory reads up to the log's end before a 404. */
    @Test
    void shouldReadUpToTheLogsEndBeforeAnswering404() throws Exception {
        UUID other = UUID.randomUUID();
        when(index.find(other)).thenReturn(Optional.empty(), Optional.of(
                KnownIncidents.initial(other, "f", RECEIVED, "350100426", "350100434")));

        mvc.perform(get(PATH + "/" + other).header("Authorization", DEMO_KEY)).andExpect(status().isOk());

        verify(index).awaitCaughtUp(anyLong());
    }

    @Test
    void shouldAnswerTheStateVerdictAndNotificationsOfTheCurrentRevision() throws Exception {
        mvc.perform(get(PATH + "/" + KERLANN).header("Authorization", DEMO_KEY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.declarantReference").value("KER-2026-0042"))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-27T06:45:00Z"))
                .andExpect(jsonPath("$.verdict.severity").value("CRITICAL"))
                .andExpect(jsonPath("$.verdict.deadlines[0].duty").value("CNIL_NOTIFICATION"))
                .andExpect(jsonPath("$.verdict.reasons[0]").value("Routed to ARS 53."))
                .andExpect(jsonPath("$.notified.length()").value(4))
                .andExpect(jsonPath("$.notified[2].recipient").value("ARS-53"))
                .andExpect(jsonPath("$.notified[2].revision").value(2));
    }

    @Test
    void shouldListOnlyTheReportsTheKeyCoversWithoutReasons() throws Exception {
        mvc.perform(get(PATH).header("Authorization", "Bearer bretagne-site-key")).andExpect(status().isOk())
                .andExpect(jsonPath("$.reports.length()").value(1))
                .andExpect(jsonPath("$.reports[0].incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.reports[0].verdict.severity").value("CRITICAL"))
                .andExpect(jsonPath("$.reports[0].verdict.reasons").doesNotExist())
                .andExpect(jsonPath("$.next").doesNotExist());
        verify(records, never()).read(any(), any(), any(), anyLong());
    }

    @Test
    void shouldLinkTheNextPage() throws Exception {
        mvc.perform(get(PATH + "?limit=1&since=2026-11-27T00:00:00Z").header("Authorization", DEMO_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports.length()").value(1))
                .andExpect(jsonPath("$.next").value(Matchers.startsWith(PATH + "?since=2026-11-27T00:00:00Z&limit=1&cursor=")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, ?limit", "limit=501, ?limit", "limit=ten, ?limit", "since=yesterday, ?since",
        "since=2026-11-27T00:00:00, ?since", "cursor=forged, ?cursor"})
    void shouldRefuseABadQueryNamingTheParameter(String query, String pointer) throws Exception {
        mvc.perform(get(PATH + "?" + query).header("Authorization", DEMO_KEY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:invalid-report"))
                .andExpect(jsonPath("$.errors[0].pointer").value(pointer));
    }
}
