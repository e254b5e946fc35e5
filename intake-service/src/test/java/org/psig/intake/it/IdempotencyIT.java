package org.psig.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two intake instances behind one broker, one of them restarted: a report is accepted once, a resend
 * to either instance gets the same answer and writes nothing, a changed report is a 409 on both.
 */
@ExtendWith(RegistryExtension.class)
class IdempotencyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private IntakeInstance first;
    private IntakeInstance second;

    @AfterEach
    void stopInstances() {
        for (IntakeInstance instance : new IntakeInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void shouldAcceptAReportOnceAcrossTwoInstancesAndARestart() throws Exception {
        String reference = "IDEM-" + UUID.randomUUID();
        String report = Samples.report("ransomware-hospital-bretagne").replace("KER-2026-0042", reference);
        String changed = report.replace("Rançongiciel sur les serveurs du DPI", "Rançongiciel sur tout le SI");
        first = IntakeInstance.start(BROKERS);
        second = IntakeInstance.start(BROKERS);

        JsonNode accepted = accepted(first.post(report));
        String incidentId = accepted.get("incidentId").asString();

        assertThat(accepted(second.post(report))).as("resend to the other instance").isEqualTo(accepted);
        assertConflict(second.post(changed), incidentId);
        assertThat(second.get("/api/v1/incident-reports/" + incidentId).statusCode()).isEqualTo(200);

        first.close();
        first = IntakeInstance.start(BROKERS);

        assertThat(accepted(first.post(report))).as("resend after a restart").isEqualTo(accepted);
        assertConflict(first.post(changed), incidentId);
        assertThat(recordsOf(incidentId)).as("records of the incident on " + Topics.INCIDENT_REPORTED).isEqualTo(1);
    }

    @Test
    void shouldKnowAtOnceWhatTheOtherInstanceJustAccepted() throws Exception {
        first = IntakeInstance.start(BROKERS);
        second = IntakeInstance.start(BROKERS);

        for (int i = 0; i < 20; i++) {
            String report = Samples.report("provider-outage-paris").replace("\"declarantReference\": \"",
                    "\"declarantReference\": \"NEXT-" + i + "-" + UUID.randomUUID() + "-");
            JsonNode accepted = accepted(first.post(report));
            assertThat(accepted(second.post(report))).as("report " + i).isEqualTo(accepted);
            assertThat(recordsOf(accepted.get("incidentId").asString())).isEqualTo(1);
        }
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static void assertConflict(HttpResponse<String> response, String incidentId) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:psig:problem:conflicting-report");
        assertThat(problem.get("incidentId").asString()).isEqualTo(incidentId);
    }

    private static long recordsOf(String incidentId) {
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_REPORTED))) {
            return recorder.catchUp().stream().filter(record -> record.key().equals(incidentId)).count();
        }
    }
}
