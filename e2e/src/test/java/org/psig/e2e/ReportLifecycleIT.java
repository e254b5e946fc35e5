package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.psig.schemas.ArsNotification;
import org.psig.schemas.Duty;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.RevisionKind;
import org.psig.schemas.Topics;
import org.psig.schemas.VerdictChange;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report's life on the real broker and registry: a ransomware report, a follow-up that finds a
 * personal-data breach, another that finds a second site affected, and the closure. Each recipient
 * is told each revision once, in revision order, and the status answers each state in turn; updates
 * raced against their report through two intake instances, with services restarted in between,
 * arrive in order too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "Bearer local-demo-key";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private PipelineStack stack;
    private TopicRecorder recorder;

    @BeforeAll
    void startThePipeline() {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        stack = new PipelineStack(brokers, RegistryServer.shared().url()).start();
        recorder = new TopicRecorder(brokers, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_TRIAGED, Topics.arsNotification("53"), Topics.NOTIFICATION_HFDS));
    }

    @AfterAll
    void stopThePipeline() {
        if (recorder != null) {
            recorder.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aRansomwareReportThroughFourRevisions() throws Exception {
        HttpResponse<String> filed = post(stack.intakeUrl(), "/api/v1/incident-reports", initialReport("LIFE-1"));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
        String id = JSON.readTree(filed.body()).get("incidentId").asString();
        JsonNode first = awaitState(id, 1, "NOTIFIED");
        assertThat(first.get("verdict").get("severity").asString()).isNotEqualTo("CRITICAL");
        assertThat(first.get("notified")).hasSize(2);

        JsonNode second = update(id, breachFound(2));
        JsonNode afterBreach = awaitState(id, 2, "NOTIFIED");
        assertThat(afterBreach.get("verdict").get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(afterBreach.get("verdict").get("deadlines").toString()).contains("CNIL_NOTIFICATION");
        assertThat(afterBreach.get("notified")).hasSize(4);

        update(id, secondSite(3));
        awaitState(id, 3, "NOTIFIED");

        update(id, closure(4));
        JsonNode closed = awaitState(id, 4, "CLOSED");
        assertThat(closed.get("notified")).hasSize(8);
        assertThat(closed.get("declarantReference").asString()).startsWith("LIFE-1-");

        List<IncidentTriaged> verdicts = values(Topics.INCIDENT_TRIAGED, id, IncidentTriaged.class);
        assertThat(verdicts).extracting(IncidentTriaged::getRevision).containsExactly(1, 2, 3, 4);
        assertThat(verdicts).extracting(IncidentTriaged::getKind).containsExactly(RevisionKind.INITIAL,
                RevisionKind.UPDATE, RevisionKind.UPDATE, RevisionKind.CLOSURE);
        List<String> reasons = new ArrayList<>();
        closed.get("verdict").get("reasons").forEach(reason -> reasons.add(reason.asString()));
        assertThat(reasons).as("the status's reasons, read back from the verdict's record").isNotEmpty()
                .isEqualTo(verdicts.get(3).getReasons());
        IncidentTriaged breach = verdicts.get(1);
        assertThat(breach.getChanges()).extracting(VerdictChange::getField).contains("severity", "deadlines");
        Instant breachReceived = Instant.parse(second.get("receivedAt").asString());
        assertThat(breach.getDeadlines()).anySatisfy(deadline -> {
            assertThat(deadline.getDuty()).isEqualTo(Duty.CNIL_NOTIFICATION);
            assertThat(deadline.getDueAt()).isEqualTo(breachReceived.plus(Duration.ofHours(72)).truncatedTo(
                    java.time.temporal.ChronoUnit.MILLIS));
        });
        assertThat(verdicts.get(3).getDeadlines()).as("the closure says the CNIL was notified").isEmpty();
        assertThat(verdicts.get(2).getDeadlines()).as("the CNIL clock keeps running after revision 2")
                .anySatisfy(deadline -> assertThat(deadline.getDueAt()).isEqualTo(breach.getDeadlines().stream()
                        .filter(d -> d.getDuty() == Duty.CNIL_NOTIFICATION).findFirst().orElseThrow().getDueAt()));

        List<ArsNotification> ars = values(Topics.arsNotification("53"), id, ArsNotification.class);
        assertThat(ars).extracting(ArsNotification::getRevision).containsExactly(1, 2, 3, 4);
        assertThat(ars.get(3).getRevisionNote().getResolution().getRootCause()).isEqualTo("A VPN account without MFA");
        // The figure the closing note quotes: from each revision's acceptance to its ARS notification.
        System.out.println("Revision accepted -> ARS notified, ms: " + ars.stream()
                .map(n -> Duration.between(n.getReceivedAt(), n.getPublishedAt()).toMillis()).toList());
        List<HfdsNotification> hfds = values(Topics.NOTIFICATION_HFDS, id, HfdsNotification.class);
        assertThat(hfds).extracting(HfdsNotification::getKind).containsExactly(RevisionKind.INITIAL,
                RevisionKind.UPDATE, RevisionKind.UPDATE, RevisionKind.CLOSURE);
        assertThat(hfds.get(3).getResolvedAt()).isEqualTo("2026-11-29T18:00:00+01:00");
        assertThat(hfds.toString()).doesNotContain("A VPN account without MFA").doesNotContain("exfiltrated").doesNotContain("offline backups")
                .doesNotContain("rssi@example.org");
        assertThat(headers(Topics.NOTIFICATION_HFDS, id, "psig-revision")).containsExactly("1", "2", "3", "4");

        HttpResponse<String> afterClosure = post(stack.intakeUrl(), updates(id), secondSite(5));
        assertThat(afterClosure.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(afterClosure.body()).get("currentRevision").asInt()).isEqualTo(4);

        thenARestartedIntakeAnswersTheSame(id, closed);
    }

    /** Its memory and its status come from the topics: a new instance knows every revision and what became of it. */
    private void thenARestartedIntakeAnswersTheSame(String id, JsonNode before) throws Exception {
        stack.restart("intake");
        HttpResponse<String> closureAgain = post(stack.intakeUrl(), updates(id), closure(4));
        assertThat(closureAgain.statusCode()).as(closureAgain.body()).isEqualTo(202);
        JsonNode after = JSON.readTree(get(stack.intakeUrl() + "/api/v1/incident-reports/" + id));
        assertThat(after).isEqualTo(before);
        recorder.catchUp();
        assertThat(values(Topics.NOTIFICATION_HFDS, id, HfdsNotification.class)).as("the repeat notifies nobody")
                .hasSize(4);
    }

    @Test
    void updatesRacedAgainstTheirReportAcrossTwoIntakesAndRestartsArriveInOrder() throws Exception {
        String secondIntake = stack.addIntake();
        HttpResponse<String> filed = post(stack.intakeUrl(), "/api/v1/incident-reports", initialReport("LIFE-RACE"));
        String id = JSON.readTree(filed.body()).get("incidentId").asString();
        // Posted at once, before triage can have seen the report, alternately on each instance.
        assertThat(post(secondIntake, updates(id), breachFound(2)).statusCode()).isEqualTo(202);
        assertThat(post(stack.intakeUrl(), updates(id), secondSite(3)).statusCode()).isEqualTo(202);
        HttpResponse<String> resent = post(secondIntake, updates(id), secondSite(3));
        assertThat(resent.statusCode()).as("the same revision again, on the other instance").isEqualTo(202);
        stack.restart("triage");
        stack.restart("notification");
        assertThat(post(secondIntake, updates(id), closure(4)).statusCode()).isEqualTo(202);

        awaitState(id, 4, "CLOSED");
        JsonNode onTheOther = JSON.readTree(get(secondIntake + "/api/v1/incident-reports/" + id));
        assertThat(onTheOther.get("state").asString()).as("the same status on both instances").isEqualTo("CLOSED");
        recorder.catchUp();
        assertThat(values(Topics.INCIDENT_TRIAGED, id, IncidentTriaged.class))
                .extracting(IncidentTriaged::getRevision).containsExactly(1, 2, 3, 4);
        assertThat(values(Topics.arsNotification("53"), id, ArsNotification.class))
                .extracting(ArsNotification::getRevision).containsExactly(1, 2, 3, 4);
        assertThat(values(Topics.NOTIFICATION_HFDS, id, HfdsNotification.class))
                .extracting(HfdsNotification::getRevision).containsExactly(1, 2, 3, 4);
    }

    private JsonNode awaitState(String id, int revision, String state) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            last[0] = JSON.readTree(get(stack.intakeUrl() + "/api/v1/incident-reports/" + id));
            assertThat(last[0].get("revision").asInt()).isEqualTo(revision);
            assertThat(last[0].get("state").asString()).isEqualTo(state);
        });
        recorder.catchUp();
        return last[0];
    }

    private JsonNode update(String id, String body) throws Exception {
        HttpResponse<String> response = post(stack.intakeUrl(), updates(id), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static String updates(String id) {
        return "/api/v1/incident-reports/" + id + "/updates";
    }

    /** The reference ransomware report, at first without harm to patients nor data breach. */
    private static String initialReport(String reference) {
        ObjectNode report = (ObjectNode) JSON.readTree(Samples.report("ransomware-hospital-bretagne"));
        report.put("declarantReference", reference + "-" + UUID.randomUUID().toString().substring(0, 8));
        ObjectNode impacts = (ObjectNode) report.get("impacts");
        impacts.put("careSafety", "NONE");
        impacts.put("functioning", "DEGRADED");
        impacts.put("degradedMode", false);
        impacts.put("personalDataBreach", false);
        return report.toString();
    }

    /** The intake's OpenAPI examples, as the README posts them, under another revision number. */
    private static String breachFound(int revision) {
        return example("update-breach-found", revision);
    }

    private static String secondSite(int revision) {
        return example("update-second-site", revision);
    }

    private static String closure(int revision) {
        return example("update-closure", revision);
    }

    private static String example(String name, int revision) {
        try (InputStream in = ReportLifecycleIT.class.getClassLoader().getResourceAsStream("openapi/samples/" + name + ".json")) {
            ObjectNode update = (ObjectNode) JSON.readTree(in);
            return update.put("revision", revision).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", KEY).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private <T> List<T> values(String topic, String id, Class<T> type) {
        return recorder.on(topic).stream().filter(r -> r.key().equals(id)).map(r -> type.cast(r.value())).toList();
    }

    private List<String> headers(String topic, String id, String header) {
        return recorder.on(topic).stream().filter(r -> r.key().equals(id))
                .map((ConsumerRecord<String, Object> r) -> new String(r.headers().lastHeader(header).value(),
                        StandardCharsets.UTF_8)).toList();
    }
}
