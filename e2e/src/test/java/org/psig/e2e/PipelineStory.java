package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.psig.schemas.ArsNotification;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.psig.testsupport.ConsumerGroups;
import org.psig.testsupport.RawTopicReader;
import org.psig.testsupport.Samples;
import org.psig.testsupport.ThreadDump;
import org.psig.testsupport.TopicRecorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The pipeline as a story: six establishments report, each report gets its verdict, its ARS (or
 * CERT Santé, when no ARS covers the site) and the HFDS are told exactly once, and a resend changes
 * nothing downstream: the intake writes nothing for it, and the same records written again reach a
 * restarted triage, which recognises each from Kafka. Subclasses say which broker and registry it runs on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PipelineStory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WATCHED = ExactlyOnce.TOPICS;

    private final HttpClient http = HttpClient.newHttpClient();
    private PipelineStack stack;
    private TopicRecorder recorder;
    private ConsumerGroups groups;

    abstract String bootstrapServers();

    abstract String registryUrl();

    @BeforeAll
    void startThePipeline() {
        stack = new PipelineStack(bootstrapServers(), registryUrl()).start();
        recorder = new TopicRecorder(bootstrapServers(), registryUrl(), WATCHED);
        groups = new ConsumerGroups(bootstrapServers());
    }

    @AfterAll
    void stopThePipeline() {
        if (recorder != null) {
            recorder.close();
        }
        if (groups != null) {
            groups.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void sixEstablishmentsReportAndEachRecipientIsToldExactlyOnce() throws Exception {
        Map<String, String> incidentIds = new LinkedHashMap<>();
        for (String sample : Samples.NAMES) {
            HttpResponse<String> response = post(Samples.report(sample));
            assertThat(response.statusCode()).as(sample + ": " + response.body()).isEqualTo(202);
            incidentIds.put(sample, JSON.readTree(response.body()).get("incidentId").asString());
        }

        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                recorder.catchUp();
                assertThat(ours(Topics.NOTIFICATION_HFDS, incidentIds)).hasSize(Samples.NAMES.size());
            });
        } catch (ConditionTimeoutException e) {
            System.err.println("Seen so far: " + recorder.counts() + "\n" + ThreadDump.now());
            throw e;
        }

        JsonNode expected = JSON.readTree(Samples.expectedVerdicts());
        for (String sample : Samples.NAMES) {
            thenTheVerdictIsTheExpectedOne(sample, incidentIds.get(sample), expected.get(sample));
        }

        thenAnyConfluentCompatibleConsumerCanReadTheNotifications(incidentIds.get("ransomware-hospital-bretagne"));
        whenTheSameReportsArePostedAgainNothingMoreHappensDownstream(incidentIds);
        thenOperatorsSeeItInTheMetrics();
    }

    private void thenOperatorsSeeItInTheMetrics() throws Exception {
        String health = get(stack.intakeManagementUrl() + "/actuator/health/readiness");
        assertThat(JSON.readTree(health).get("status").asString()).isEqualTo("UP");
        JsonNode components = JSON.readTree(get(stack.intakeManagementUrl() + "/actuator/health")).get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("reportIndex").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("incidentTimeline").get("status").asString()).isEqualTo("UP");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("actuator on the public port").isEqualTo(404);
        assertThat(get(stack.intakeManagementUrl() + "/actuator/prometheus"))
                .contains("psig_intake_reports_total{application=\"intake-service\",outcome=\"accepted\",reason=\"none\"} 6.0")
                .contains("psig_intake_reports_total{application=\"intake-service\",outcome=\"repeat\",reason=\"none\"} 6.0")
                .contains("psig_intake_durable_write_seconds_count");
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private void thenTheVerdictIsTheExpectedOne(String sample, String incidentId, JsonNode expected) {
        List<IncidentTriaged> verdicts = values(Topics.INCIDENT_TRIAGED, incidentId, IncidentTriaged.class);
        assertThat(verdicts).as("verdicts of " + sample).hasSize(1);
        IncidentTriaged verdict = verdicts.get(0);
        String region = expected.get("arsRegionCode").isNull() ? null : expected.get("arsRegionCode").asString();
        assertThat(verdict.getArsRegionCode()).as(sample).isEqualTo(region);
        assertThat(verdict.getLegalQualification().name()).as(sample).isEqualTo(expected.get("legalQualification").asString());
        assertThat(verdict.getMaliciousness().name()).as(sample).isEqualTo(expected.get("maliciousness").asString());
        assertThat(verdict.getSeverity().name()).as(sample).isEqualTo(expected.get("severity").asString());
        assertThat(verdict.getReasons()).as(sample).isNotEmpty();
        assertThat(verdict.getTlp()).as(sample).isNotNull();
        assertThat(verdict.getRsitClass()).as(sample).isNotBlank();

        String regionalTopic = region == null ? Topics.NOTIFICATION_UNROUTED : Topics.arsNotification(region);
        List<ArsNotification> regional = values(regionalTopic, incidentId, ArsNotification.class);
        assertThat(regional).as(sample + " on " + regionalTopic).hasSize(1);
        assertThat(regional.get(0).getDeclarant().getEmail()).isNotBlank();
        assertThat(WATCHED.stream().filter(t -> t.startsWith("psig.notification.") && !t.equals(regionalTopic)
                && !t.equals(Topics.NOTIFICATION_HFDS)).flatMap(t -> recorder.on(t).stream())
                .filter(r -> r.key().equals(incidentId))).as(sample + " on any other regional topic").isEmpty();

        List<HfdsNotification> hfds = values(Topics.NOTIFICATION_HFDS, incidentId, HfdsNotification.class);
        assertThat(hfds).as(sample + " for the HFDS").hasSize(1);
        assertThat(hfds.get(0).toString()).doesNotContain("rssi@example.org").doesNotContain("declarant");
        ConsumerRecord<String, Object> hfdsRecord = recorder.on(Topics.NOTIFICATION_HFDS).stream()
                .filter(r -> r.key().equals(incidentId)).findFirst().orElseThrow();
        assertThat(new String(hfdsRecord.headers().lastHeader("psig-severity").value(), StandardCharsets.UTF_8))
                .isEqualTo(expected.get("severity").asString());
    }

    /** Magic byte 0, then the 4-byte schema id that the registry's Confluent-compatible API serves. */
    private void thenAnyConfluentCompatibleConsumerCanReadTheNotifications(String incidentId) throws Exception {
        List<ConsumerRecord<String, byte[]>> raw = RawTopicReader.awaitKey(bootstrapServers(),
                Topics.arsNotification("53"), incidentId);
        ByteBuffer value = ByteBuffer.wrap(raw.get(0).value());
        assertThat(value.get()).isZero();
        int schemaId = value.getInt();

        JsonNode schema = JSON.readTree(get(registryUrl() + "/apis/ccompat/v7/schemas/ids/" + schemaId));
        assertThat(JSON.readTree(schema.get("schema").asString()).get("name").asString()).isEqualTo("ArsNotification");
        assertThat(JSON.readTree(get(registryUrl() + "/apis/ccompat/v7/config")).get("compatibilityLevel").asString())
                .isEqualTo("BACKWARD");
        JsonNode subjects = JSON.readTree(get(registryUrl() + "/apis/ccompat/v7/subjects"));
        assertThat(subjects.toString()).contains("psig.notification.ars.53-value", "psig.notification.hfds-value",
                "psig.incident.triaged-value", "psig.incident.reported-value");
    }

    private void whenTheSameReportsArePostedAgainNothingMoreHappensDownstream(Map<String, String> incidentIds)
            throws Exception {
        // A fresh triage instance must remember from Kafka, not from its predecessor's heap.
        stack.restart("triage");
        // The intake answers a resend from its own memory and writes nothing...
        for (String sample : Samples.NAMES) {
            HttpResponse<String> response = post(Samples.report(sample));
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(response.body()).get("incidentId").asString()).isEqualTo(incidentIds.get(sample));
        }
        List<ConsumerRecord<String, byte[]>> written = RawTopicReader.readToEnd(bootstrapServers(), Topics.INCIDENT_REPORTED)
                .stream().filter(record -> incidentIds.containsValue(record.key())).toList();
        assertThat(written).as("one record per report: the resends wrote nothing").hasSize(Samples.NAMES.size());
        // ...so triage meets its duplicates as two intake instances racing would write them: the same records again.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> record : written) {
                producer.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, null, record.key(), record.value(),
                        record.headers())).get();
            }
        }

        // Once triage has committed past every duplicate, anything it would have produced is visible.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> groups.hasConsumedAll("triage-service", Topics.INCIDENT_REPORTED));
        assertThat(stack.meters("triage").counter("psig.triage.duplicates").count())
                .as("duplicates the restarted triage recognised").isEqualTo(Samples.NAMES.size());
        recorder.catchUp();

        assertThat(ours(Topics.INCIDENT_TRIAGED, incidentIds)).hasSize(Samples.NAMES.size());
        assertThat(ours(Topics.NOTIFICATION_HFDS, incidentIds)).hasSize(Samples.NAMES.size());
        long regional = WATCHED.stream().filter(t -> t.startsWith("psig.notification.ars.")
                || t.equals(Topics.NOTIFICATION_UNROUTED)).mapToLong(t -> ours(t, incidentIds).size()).sum();
        assertThat(regional).isEqualTo(Samples.NAMES.size());
    }

    /** Other tests of this run share the broker: count only this story's incidents. */
    private List<ConsumerRecord<String, Object>> ours(String topic, Map<String, String> incidentIds) {
        return recorder.on(topic).stream().filter(r -> incidentIds.containsValue(r.key())).toList();
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/api/v1/incident-reports"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer local-demo-key")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> List<T> values(String topic, String incidentId, Class<T> type) {
        return recorder.on(topic).stream().filter(r -> r.key().equals(incidentId)).map(r -> type.cast(r.value())).toList();
    }
}
