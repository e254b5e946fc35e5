package org.psig.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownIncidents;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.report.Fingerprints;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.IncidentUpdateRequest;
import org.psig.schemas.CareSafety;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentStatus;
import org.psig.schemas.Topics;
import org.psig.testsupport.ReportFixtures;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Follow-ups and the closure at the web layer: every refusal, idempotence, and the merged revision written. */
class IncidentUpdateControllerTest extends IntakeWebTestBase {

    private static final UUID KERLANN = IncidentIds.of("350100426", "KER-2026-0042");
    private static final String PACA_KEY = "Bearer paca-key";
    private static final String UPDATE = """
            {"revision": 2, "note": "Personal data were exfiltrated.",
             "impacts": {"personalDataBreach": true, "careSafety": "PROVEN"},
             "incident": {"affectedSystems": ["PATIENT_RECORD", "MESSAGING"]}}""";
    private static final String CLOSURE = """
            {"revision": 2, "note": "Restored from backups.", "incident": {"status": "RESOLVED"},
             "resolution": {"resolvedAt": "2026-11-28T10:00:00+01:00", "rootCause": "VPN account without MFA",
                            "measures": "MFA on every remote access"}}""";

    private final KnownIncident initial = KnownIncidents.initial(KERLANN, "f1", Instant.parse("2026-11-27T06:45:00Z"),
            "350100426", "350100434");

    @BeforeEach
    void anAcceptedReport() {
        when(index.find(KERLANN)).thenReturn(Optional.of(initial));
        when(records.read(eq(Topics.INCIDENT_REPORTED), any(), eq(IncidentReported.class), anyLong())).thenReturn(IncidentReported.newBuilder()
                .setEventId(UUID.randomUUID()).setOccurredAt(Instant.parse("2026-11-27T06:45:00Z")).setIncidentId(KERLANN)
                .setReceivedAt(Instant.parse("2026-11-27T06:45:00Z")).setContentFingerprint("f1")
                .setReport(ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel")).build());
    }

    private ResultActions postUpdate(String body) throws Exception {
        return postUpdate(body, DEMO_KEY, KERLANN);
    }

    private ResultActions postUpdate(String body, String key, UUID incidentId) throws Exception {
        return mvc.perform(post(PATH + "/" + incidentId + "/updates").header("Authorization", key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void shouldWriteTheWholeReportWithTheUpdateMergedIn() throws Exception {
        postUpdate(UPDATE).andExpect(status().isAccepted())
                .andExpect(header().string("Location", PATH + "/" + KERLANN))
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.receivedAt").value(NOW.toString()));

        ArgumentCaptor<IncidentReported> written = ArgumentCaptor.forClass(IncidentReported.class);
        verify(publisher).publish(written.capture(), anyLong());
        IncidentReported revision = written.getValue();
        assertThat(revision.getIncidentId()).isEqualTo(KERLANN);
        assertThat(revision.getRevision()).isEqualTo(2);
        assertThat(revision.getReceivedAt()).isEqualTo(NOW);
        assertThat(revision.getRevisionNote().getNote()).isEqualTo("Personal data were exfiltrated.");
        assertThat(revision.getRevisionNote().getResolution()).isNull();
        assertThat(revision.getReport().getImpacts().getPersonalDataBreach()).isTrue();
        assertThat(revision.getReport().getImpacts().getCareSafety()).isEqualTo(CareSafety.PROVEN);
        assertThat(revision.getReport().getIncident().getAffectedSystems()).hasSize(2);
        // Absent fields keep their value.
        assertThat(revision.getReport().getIncident().getSummary()).isEqualTo("Rançongiciel");
        assertThat(revision.getReport().getIncident().getStatus()).isEqualTo(IncidentStatus.ONGOING);
        assertThat(revision.getReport().getDeclarantReference()).isEqualTo("KER-2026-0042");
    }

    @Test
    void shouldCloseWithAResolution() throws Exception {
        postUpdate(CLOSURE).andExpect(status().isAccepted()).andExpect(jsonPath("$.revision").value(2));

        ArgumentCaptor<IncidentReported> written = ArgumentCaptor.forClass(IncidentReported.class);
        verify(publisher).publish(written.capture(), anyLong());
        assertThat(written.getValue().getRevisionNote().getResolution().getRootCause()).isEqualTo("VPN account without MFA");
        assertThat(written.getValue().getReport().getIncident().getStatus()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void shouldDecideFromTheMemoryWithoutAskingWhereTheLogEnds() throws Exception {
        postUpdate(UPDATE).andExpect(status().isAccepted());

        verify(index, never()).awaitCaughtUp(anyLong());
    }

    /** The memory may be behind another instance that took the report: it reads up to the log's end first. */
    @Test
    void shouldReadUpToTheLogsEndBeforeRefusingAnIncidentTheMemoryDoesNotHold() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.empty(), Optional.of(initial));

        postUpdate(UPDATE).andExpect(status().isAccepted()).andExpect(jsonPath("$.revision").value(2));

        verify(index).awaitCaughtUp(anyLong());
    }

    /** The same update sent to another instance too, which wrote revision 2 first: answered as a repeat of it. */
    @Test
    void shouldAnswerARepeatOfTheRevisionAnotherInstanceWroteFirst() throws Exception {
        String fingerprint = Fingerprints.of(JsonMapper.builder().build().readValue(UPDATE, IncidentUpdateRequest.class));
        KnownIncident theirs = KnownIncidents.withRevision(initial, fingerprint, false);
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(0, 7));
        when(index.find(KERLANN)).thenReturn(Optional.of(initial), Optional.of(theirs));

        postUpdate(UPDATE).andExpect(status().isAccepted()).andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.receivedAt").value(theirs.current().receivedAt().toString()));
    }

    @Test
    void shouldRefuseARevisionAnotherInstanceWroteFirstWithOtherContent() throws Exception {
        when(publisher.publish(any(), anyLong())).thenReturn(new KnownReport.Position(0, 7));
        when(index.find(KERLANN)).thenReturn(Optional.of(initial),
                Optional.of(KnownIncidents.withRevision(initial, "other", false)));

        postUpdate(UPDATE).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:psig:problem:revision-conflict"))
                .andExpect(jsonPath("$.currentRevision").value(2));
    }

    @Test
    void shouldAnswerTheSameRevisionWithTheSameContentAgainAndWriteNothing() throws Exception {
        String fingerprint = Fingerprints.of(JsonMapper.builder().build().readValue(UPDATE, IncidentUpdateRequest.class));
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.withRevision(initial, fingerprint, false)));

        postUpdate(UPDATE).andExpect(status().isAccepted()).andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.receivedAt").value("2026-11-27T06:46:00Z"));

        verify(publisher, never()).publish(any(), anyLong());
        assertThat(meters.counter("psig.intake.reports", "outcome", "repeat", "reason", "update").count()).isOne();
    }

    @Test
    void shouldRefuseTheSameRevisionWithOtherContentNamingTheCurrentRevision() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.withRevision(initial, "other", false)));

        refused(postUpdate(UPDATE), 409, "urn:psig:problem:revision-conflict")
                .andExpect(jsonPath("$.currentRevision").value(2))
                .andExpect(jsonPath("$.incidentId").value(KERLANN.toString()));
    }

    @ParameterizedTest(name = "revision {0}")
    @CsvSource({"3", "7"})
    void shouldRefuseARevisionThatSkipsOne(int revision) throws Exception {
        refused(postUpdate(UPDATE.replace("\"revision\": 2", "\"revision\": " + revision)), 409,
                "urn:psig:problem:revision-conflict")
                .andExpect(jsonPath("$.currentRevision").value(1))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("must be revision 2")));
    }

    @Test
    void shouldRefuseRevisionOneWhichIsTheReportItself() throws Exception {
        refused(postUpdate(UPDATE.replace("\"revision\": 2", "\"revision\": 1")), 400, "urn:psig:problem:invalid-report")
                .andExpect(jsonPath("$.errors[0].pointer").value("/revision"));
    }

    @Test
    void shouldRefuseAnyUpdateAfterTheClosure() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.withRevision(initial, "closure", true)));

        refused(postUpdate(UPDATE.replace("\"revision\": 2", "\"revision\": 3")), 409, "urn:psig:problem:revision-conflict")
                .andExpect(jsonPath("$.title").value("The incident is closed"))
                .andExpect(jsonPath("$.currentRevision").value(2));
    }

    @Test
    void shouldAnswer404ForAnUnknownIncident() throws Exception {
        refused(postUpdate(UPDATE, DEMO_KEY, UUID.randomUUID()), 404, "urn:psig:problem:not-found");
    }

    @Test
    void shouldAnswer404ToAKeyThatDoesNotCoverTheEstablishment() throws Exception {
        refused(postUpdate(UPDATE, PACA_KEY, KERLANN), 404, "urn:psig:problem:not-found");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RESOLVED without resolution | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"RESOLVED\"}} | /resolution",
        "resolution without RESOLVED | {\"revision\": 2, \"note\": \"n\", \"resolution\": {\"resolvedAt\": \"2026-11-28T10:00:00+01:00\", \"rootCause\": \"r\", \"measures\": \"m\"}} | /resolution",
        "null value | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"provider\": null}} | /incident/provider",
        "null note | {\"revision\": 2, \"note\": null} | /note",
        "changed establishment | {\"revision\": 2, \"note\": \"n\", \"establishment\": {\"finessEt\": \"130800915\"}} | /establishment",
        "changed declarant | {\"revision\": 2, \"note\": \"n\", \"declarant\": {\"name\": \"X\"}} | /declarant",
        "changed detectedAt | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"detectedAt\": \"2026-11-27T06:40:00+01:00\"}} | /incident/detectedAt",
        "unknown field | {\"revision\": 2, \"note\": \"n\", \"severity\": \"LOW\"} | /severity",
        "missing note | {\"revision\": 2} | /note",
        "missing revision | {\"note\": \"n\"} | /revision",
        "blank summary | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"summary\": \"  \"}} | /incident/summary",
        "NUL in the note | {\"revision\": 2, \"note\": \"Toujours\\u0000 en panne\"} | /note",
        "terminal escape in the summary | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"summary\": \"\\u001b[2JPanne\"}} | /incident/summary",
        "right-to-left override in the root cause | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"RESOLVED\"}, \"resolution\": {\"resolvedAt\": \"2026-11-28T10:00:00+01:00\", \"rootCause\": \"VPN \\u202e\", \"measures\": \"m\"}} | /resolution/rootCause",
        "unknown status | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"DONE\"}} | /incident/status",
        "future resolution | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"RESOLVED\"}, \"resolution\": {\"resolvedAt\": \"2027-01-01T00:00:00Z\", \"rootCause\": \"r\", \"measures\": \"m\"}} | /resolution/resolvedAt",
        "resolution before detection | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"RESOLVED\"}, \"resolution\": {\"resolvedAt\": \"2026-11-01T00:00:00Z\", \"rootCause\": \"r\", \"measures\": \"m\"}} | /resolution/resolvedAt",
        "resolution without offset | {\"revision\": 2, \"note\": \"n\", \"incident\": {\"status\": \"RESOLVED\"}, \"resolution\": {\"resolvedAt\": \"2026-11-28T10:00:00\", \"rootCause\": \"r\", \"measures\": \"m\"}} | /resolution/resolvedAt"})
    void shouldRefuseAnInvalidUpdateNamingTheFieldAndWriteNothing(String name, String body, String pointer) throws Exception {
        refused(postUpdate(body), 400, "urn:psig:problem:invalid-report")
                .andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.hasItem(pointer)));
    }

    @Test
    void shouldListEveryErrorOfAnUpdateAtOnce() throws Exception {
        refused(postUpdate("{\"revision\": 0, \"note\": \"\", \"impacts\": {\"careSafety\": null}, \"x\": 1}"), 400,
                "urn:psig:problem:invalid-report")
                .andExpect(jsonPath("$.errors[*].pointer").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "/impacts/careSafety", "/note", "/revision", "/x")));
    }

    @Test
    void shouldPointAChangedRepostOfTheReportToTheUpdatesEndpoint() throws Exception {
        when(index.find(KERLANN)).thenReturn(Optional.of(KnownIncidents.initial(KERLANN, "another-fingerprint",
                Instant.parse("2026-11-27T06:45:00Z"), "350100426", "350100434")));

        refused(postReport(SAMPLE), 409, "urn:psig:problem:conflicting-report")
                .andExpect(jsonPath("$.updates").value(PATH + "/" + KERLANN + "/updates"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/updates")));
    }

    private ResultActions refused(ResultActions result, int status, String type) throws Exception {
        result.andExpect(status().is(status)).andExpect(jsonPath("$.type").value(type));
        verify(publisher, never()).publish(any(), anyLong());
        return result;
    }

    @Test
    void shouldKeepTheKnownRevisionsInOrder() {
        KnownIncident three = KnownIncidents.withRevision(KnownIncidents.withRevision(initial, "f2", false), "f3", true);

        assertThat(three.revisions()).extracting(KnownReport::revision).containsExactly(1, 2, 3);
        assertThat(three.closed()).isTrue();
        assertThat(List.of(three.first().receivedAt(), three.current().receivedAt())).doesNotHaveDuplicates();
    }
}
