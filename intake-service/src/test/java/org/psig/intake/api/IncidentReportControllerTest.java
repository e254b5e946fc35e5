package org.psig.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;
import org.psig.intake.memory.IndexUnavailableException;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownIncidents;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.publish.KafkaUnavailableException;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.ReportMapper;
import org.psig.schemas.IncidentReported;
import org.psig.testsupport.Samples;
import tools.jackson.databind.json.JsonMapper;

/** Reports accepted, recognised as repeats, refused as conflicts, and Kafka's absence answered 503. */
class IncidentReportControllerTest extends IntakeWebTestBase {

    private static final UUID KERLANN = IncidentIds.of("350100426", "KER-2026-0042");
    private static final Instant EARLIER = Instant.parse("2026-11-28T11:59:59.250Z");

    static Stream<String> samples() {
        return Samples.NAMES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldAcceptEveryReferenceSampleAsItIs(String sample) throws Exception {
        postReport(Samples.report(sample))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-28T12:00:00Z"))
                .andExpect(jsonPath("$.warnings").doesNotExist())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/incident-reports/")));
        verify(publisher).publish(any(IncidentReported.class), anyLong());
    }

    @Test
    void shouldKeepTheLineBreaksAndTabsOfTheDescriptionAndNonLatinNames() throws Exception {
        String body = Bodies.with(Bodies.with(SAMPLE, "/incident/description",
                        "\"Chiffrement du SIH.\\r\\nServeurs touchés :\\n\\t- PACS\\n\\t- DPI\""),
                "/establishment/name", "\"Centre hospitalier Saint-Étienne — site Ω 🏥\"");
        ArgumentCaptor<IncidentReported> published = ArgumentCaptor.forClass(IncidentReported.class);

        postReport(body).andExpect(status().isAccepted());

        verify(publisher).publish(published.capture(), anyLong());
        assertThat(published.getValue().getReport().getIncident().getDescription())
                .isEqualTo("Chiffrement du SIH.\r\nServeurs touchés :\n\t- PACS\n\t- DPI");
        assertThat(published.getValue().getReport().getEstablishment().getName())
                .isEqualTo("Centre hospitalier Saint-Étienne — site Ω 🏥");
    }

    @Test
    void shouldDeriveTheIncidentIdFromSiteAndDeclarantReference() throws Exception {
        postReport(SAMPLE).andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(header().string("Location", "/api/v1/incident-reports/" + KERLANN));
    }

    @Test
    void shouldAnswerARepeatFromMemoryAndPublishNothing() throws Exception {
        Instant first = Instant.parse("2026-11-27T06:45:00Z");
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.initial(KERLANN, fingerprintOf(SAMPLE), first,
                "350100426", "350100434")));

        postReport(SAMPLE).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-27T06:45:00Z"));

        verify(publisher, never()).publish(any(), anyLong());
        assertThat(meters.counter("psig.intake.reports", "outcome", "repeat", "reason", "none").count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseChangedContentUnderAnAcceptedReferenceWith409NamingTheIncident() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.initial(KERLANN, "another-fingerprint",
                Instant.parse("2026-11-27T06:45:00Z"), "350100426", "350100434")));

        postReport(SAMPLE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:conflicting-report"))
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(header().string("Location", "/api/v1/incident-reports/" + KERLANN));

        verify(publisher, never()).publish(any(), anyLong());
        assertThat(meters.counter("psig.intake.reports", "outcome", "rejected", "reason", "conflicting-report").count())
                .isEqualTo(1);
    }

    @Test
    void shouldAcceptAFinessFailingItsCheckDigitWithAWarningCarriedInTheEvent() throws Exception {
        String body = Bodies.with(SAMPLE, "/establishment/finessEt", "\"350100427\"");

        postReport(body).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.warnings[0]").value(org.hamcrest.Matchers.startsWith(
                        "/establishment/finessEt: 350100427 fails the FINESS check digit")));

        ArgumentCaptor<IncidentReported> published = ArgumentCaptor.forClass(IncidentReported.class);
        verify(publisher).publish(published.capture(), anyLong());
        assertThat(published.getValue().getWarnings()).singleElement().asString().contains("350100427");
    }

    @Test
    void shouldListEveryInvalidFieldAtOnceWhateverItsKind() throws Exception {
        String body = Bodies.with(Bodies.with(Bodies.with(SAMPLE, "/declarant/email", "\"nope\""),
                "/impacts/dataIntegrity", "\"maybe\""), "/establishment/finesEt", "\"1\"");

        postReport(body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].pointer").value("/declarant/email"))
                .andExpect(jsonPath("$.errors[1].pointer").value("/establishment/finesEt"))
                .andExpect(jsonPath("$.errors[1].detail").value(org.hamcrest.Matchers.containsString("finessEt")))
                .andExpect(jsonPath("$.errors[2].pointer").value("/impacts/dataIntegrity"));
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() throws Exception {
        doThrow(new KafkaUnavailableException("timeout", null)).when(publisher).publish(any(), anyLong());

        postReport(SAMPLE)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:temporarily-unavailable"));
    }

    @Test
    void shouldAnswer503WhenItCannotTellWhetherTheReportIsARepeat() throws Exception {
        doThrow(new IndexUnavailableException("still loading")).when(index).awaitLoaded(anyLong());

        postReport(SAMPLE).andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "5"));

        verify(publisher, never()).publish(any(), anyLong());
    }

    @Test
    void shouldAcceptANewReportOnceTheMemoryHasReadItsOwnWriteAsTheFirst() throws Exception {
        KnownReport.Position written = new KnownReport.Position(3, 41);
        when(publisher.publish(any(), anyLong())).thenReturn(written);
        when(index.find(KERLANN)).thenReturn(Optional.empty(), Optional.of(firstAt(written, fingerprintOf(SAMPLE))));

        postReport(SAMPLE).andExpect(status().isAccepted()).andExpect(jsonPath("$.receivedAt").value(NOW.toString()))
                .andExpect(jsonPath("$.position").value("3-41"));

        verify(index).awaitRead(eq(written), anyLong());
        assertThat(meters.counter("psig.intake.reports", "outcome", "accepted", "reason", "none").count()).isEqualTo(1);
    }

    /** The same report sent to another instance too, which wrote it first: the log's first is the answer. */
    @Test
    void shouldAnswerARepeatOfTheReportAnotherInstanceWroteFirst() throws Exception {
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(3, 42));
        when(index.find(KERLANN)).thenReturn(Optional.empty(),
                Optional.of(firstAt(new KnownReport.Position(3, 41), fingerprintOf(SAMPLE))));

        postReport(SAMPLE).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.receivedAt").value(EARLIER.toString()))
                .andExpect(jsonPath("$.position").value("3-41"));

        assertThat(meters.counter("psig.intake.reports", "outcome", "repeat", "reason", "none").count()).isEqualTo(1);
    }

    /** A changed report sent to another instance at the same time, written first there: 409, as if in order. */
    @Test
    void shouldRefuseAChangedReportAnotherInstanceWroteFirstWith409() throws Exception {
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(3, 42));
        when(index.find(KERLANN)).thenReturn(Optional.empty(),
                Optional.of(firstAt(new KnownReport.Position(3, 41), "another-fingerprint")));

        postReport(SAMPLE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:conflicting-report"))
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()));
    }

    @Test
    void shouldAnswer503WhenTheMemoryDoesNotReadItsOwnWriteInTime() throws Exception {
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(3, 41));
        doThrow(new IndexUnavailableException("behind")).when(index).awaitRead(any(), anyLong());

        postReport(SAMPLE).andExpect(status().isServiceUnavailable()).andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(containsString("Send the same report again")));
    }

    private static KnownIncident firstAt(KnownReport.Position position, String fingerprint) {
        KnownReport report = KnownIncidents.initial(KERLANN, fingerprint, EARLIER, "350100426", "350100434").first();
        return new KnownIncident(List.of(new KnownReport(report.incidentId(), 1, report.fingerprint(), report.receivedAt(),
                report.finessEt(), report.finessEj(), report.declarantReference(), false, List.of(), position)));
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWith500AndNoInternals() throws Exception {
        doThrow(new IllegalStateException("secret internal state")).when(publisher).publish(any(), anyLong());

        String body = postReport(SAMPLE).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:internal-error"))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("secret").doesNotContain("IllegalStateException");
    }

    @Test
    void shouldGiveTheStatusOfAKnownReportAtItsLocation() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.initial(KERLANN, "f",
                Instant.parse("2026-11-27T06:45:00Z"), "350100426", "350100434")));

        mvc.perform(get(PATH + "/" + KERLANN).header("Authorization", DEMO_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.state").value("ACCEPTED"))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-27T06:45:00Z"));
    }

    @Test
    void shouldAnswer404ForAnUnknownReport() throws Exception {
        mvc.perform(get(PATH + "/" + UUID.randomUUID()).header("Authorization", DEMO_KEY))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:not-found"));
    }

    private static String fingerprintOf(String body) {
        IncidentReportRequest request = JsonMapper.builder().build().readValue(body, IncidentReportRequest.class);
        return ReportMapper.reported(KERLANN, request, Instant.EPOCH, List.of()).getContentFingerprint();
    }
}
