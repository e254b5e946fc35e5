package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.ObjectMapper;

/**
 * Triage and notification are restarted while reports keep arriving: afterwards every incident has
 * exactly one verdict, one HFDS notification and one ARS-or-unrouted notification.
 */
class RestartMidBatchIT {

    private static final int REPORTS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldNotifyEachRecipientExactlyOnceAcrossRestarts() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String registry = RegistryServer.shared().url();
        Set<String> incidentIds = new HashSet<>();
        try (PipelineStack stack = new PipelineStack(brokers, registry).start()) {
            for (int i = 0; i < REPORTS; i++) {
                if (i == REPORTS / 3) {
                    stack.restart("triage");
                }
                if (i == 2 * REPORTS / 3) {
                    stack.restart("notification");
                }
                incidentIds.add(post(stack, i));
            }
            assertThat(incidentIds).hasSize(REPORTS);

            try (TopicRecorder recorder = new TopicRecorder(brokers, registry, watchedTopics())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> ours(recorder.catchUp(), incidentIds)
                        .stream().filter(r -> r.topic().equals(Topics.NOTIFICATION_HFDS)).count() >= REPORTS);
                List<ConsumerRecord<String, Object>> records = ours(recorder.catchUp(), incidentIds);

                assertThat(perIncident(records, Topics.INCIDENT_TRIAGED::equals))
                        .hasSize(REPORTS).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
                assertThat(perIncident(records, Topics.NOTIFICATION_HFDS::equals))
                        .hasSize(REPORTS).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
                assertThat(perIncident(records, t -> t.startsWith("psig.notification.ars.")
                        || t.equals(Topics.NOTIFICATION_UNROUTED)))
                        .hasSize(REPORTS).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
            }
        }
    }

    private String post(PipelineStack stack, int i) throws Exception {
        String sample = Samples.NAMES.get(i % Samples.NAMES.size());
        String body = JSON.readTree(Samples.report(sample)).toString()
                .replaceFirst("\"declarantReference\":\"[^\"]*\"", "\"declarantReference\":\"restart-" + run + "-" + i + "\"");
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.intakeUrl() + "/api/v1/incident-reports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer local-demo-key")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("incidentId").asString();
    }

    private static List<ConsumerRecord<String, Object>> ours(List<ConsumerRecord<String, Object>> all, Set<String> ids) {
        return all.stream().filter(r -> ids.contains(r.key())).toList();
    }

    private static Map<String, Long> perIncident(List<ConsumerRecord<String, Object>> records,
                                                 Predicate<String> topic) {
        return records.stream().filter(r -> topic.test(r.topic()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static List<String> watchedTopics() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.INCIDENT_TRIAGED);
        topics.add(Topics.NOTIFICATION_HFDS);
        topics.add(Topics.NOTIFICATION_UNROUTED);
        return topics;
    }
}
