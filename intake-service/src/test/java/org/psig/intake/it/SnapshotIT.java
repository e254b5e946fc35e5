package org.psig.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An intake restarted with its snapshots reads only the topics' tail, yet knows everything: what it
 * accepted before, and what another instance accepted after the snapshot. A torn snapshot is not used.
 * Ready means the memories are loaded.
 */
@ExtendWith(RegistryExtension.class)
class SnapshotIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    @TempDir
    Path directory;

    private final List<IntakeInstance> running = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        running.forEach(IntakeInstance::close);
    }

    @Test
    void shouldStartFromTheSnapshotThenReadWhatCameAfterIt() throws Exception {
        List<String> reports = List.of(report(), report(), report());
        IntakeInstance first = start(true);
        List<JsonNode> answers = new ArrayList<>();
        for (String report : reports.subList(0, 2)) {
            answers.add(accepted(first.post(report)));
        }
        stop(first);
        IntakeInstance without = start(false);
        answers.add(accepted(without.post(reports.get(2))));
        stop(without);
        assertThat(Path.of("report-index.snapshot")).as("no directory set: no snapshot, not in the working directory")
                .doesNotExist();

        IntakeInstance restarted = start(true);
        JsonNode index = readyHealth(restarted).get("components").get("reportIndex").get("details");

        assertThat(index.get("fromSnapshot").asInt()).as("reports taken from the snapshot").isPositive();
        assertThat(index.get("reports").asInt()).isGreaterThan(index.get("fromSnapshot").asInt());
        for (int i = 0; i < reports.size(); i++) {
            assertThat(accepted(restarted.post(reports.get(i)))).as("resend of report " + i).isEqualTo(answers.get(i));
            assertThat(recordsOf(answers.get(i).get("incidentId").asString())).isEqualTo(1);
        }
    }

    @Test
    void shouldReadTheTopicsWholeWhenTheSnapshotIsTorn() throws Exception {
        String report = report();
        IntakeInstance first = start(true);
        JsonNode answer = accepted(first.post(report));
        stop(first);
        try (RandomAccessFile torn = new RandomAccessFile(directory.resolve("report-index.snapshot").toFile(), "rw")) {
            torn.setLength(torn.length() / 2);
        }

        IntakeInstance restarted = start(true);
        JsonNode index = readyHealth(restarted).get("components").get("reportIndex").get("details");

        assertThat(index.get("fromSnapshot").asInt()).isZero();
        assertThat(accepted(restarted.post(report))).isEqualTo(answer);
        assertThat(recordsOf(answer.get("incidentId").asString())).isEqualTo(1);
    }

    /**
     * Waits for readiness, which must cover both memories, and returns the whole health as the
     * operator sees it; anyone else sees the statuses only.
     */
    private static JsonNode readyHealth(IntakeInstance instance) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> instance.management("/actuator/health/readiness").statusCode() == 200);
        JsonNode readiness = JSON.readTree(instance.management("/actuator/health/readiness").body());
        assertThat(readiness.get("components").propertyNames()).contains("reportIndex", "incidentTimeline", "writer");
        JsonNode anonymous = JSON.readTree(instance.management("/actuator/health").body());
        assertThat(anonymous.get("components").get("reportIndex").get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.findValues("details")).as("details for an operator only").isEmpty();
        assertThat(instance.managementAsOperator("/actuator/health", "not-an-operator").statusCode()).isEqualTo(401);
        HttpResponse<String> asOperator = instance.managementAsOperator("/actuator/health", "local-demo-operator");
        assertThat(asOperator.statusCode()).isEqualTo(200);
        return JSON.readTree(asOperator.body());
    }

    private IntakeInstance start(boolean withSnapshots) {
        IntakeInstance instance = withSnapshots
                ? IntakeInstance.start(BROKERS, "--psig.intake.snapshots.directory=" + directory)
                : IntakeInstance.start(BROKERS);
        running.add(instance);
        return instance;
    }

    private void stop(IntakeInstance instance) {
        running.remove(instance);
        instance.close();
    }

    private static String report() {
        return Samples.report("ransomware-hospital-bretagne").replace("KER-2026-0042", "SNAP-" + UUID.randomUUID());
    }

    private static JsonNode accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private static long recordsOf(String incidentId) {
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_REPORTED))) {
            return recorder.catchUp().stream().filter(record -> record.key().equals(incidentId)).count();
        }
    }
}
