package org.psig.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.intake.report.Fingerprints;
import org.psig.intake.report.IncidentIds;
import org.psig.intake.report.IncidentReportRequest;
import org.psig.intake.report.ReportMapper;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.psig.schemas.WireFormat;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two intake instances behind one broker, one of them restarted: a report is accepted once, a resend
 * to either instance gets the same answer, a changed report is a 409 on both, also when both arrive at once.
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
        // The other instance may have written a copy before its reader saw the first (see the next test).
        long written = recordsOf(incidentId);
        assertThat(reportsOf(incidentId).get(0).getReport().getIncident().getSummary())
                .isEqualTo("Rançongiciel sur les serveurs du DPI");

        first.close();
        first = IntakeInstance.start(BROKERS);

        assertThat(accepted(first.post(report))).as("resend after a restart").isEqualTo(accepted);
        assertConflict(first.post(changed), incidentId);
        assertThat(recordsOf(incidentId)).as("records of the incident on " + Topics.INCIDENT_REPORTED
                + " after the restart: the resend and the conflict wrote nothing").isEqualTo(written);
    }

    /**
     * A resend to the other instance right after the 202 gets the same answer. That instance decides
     * from what its reader has read; if the first write was not read yet, it writes a copy, which its
     * answer and triage both recognise as the log's second (the copies counted here are the window).
     */
    @Test
    void shouldAnswerAResendToTheOtherInstanceAsTheFirstWasAnswered() throws Exception {
        first = IntakeInstance.start(BROKERS);
        second = IntakeInstance.start(BROKERS);

        Map<String, Instant> answered = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            String report = Samples.report("provider-outage-paris").replace("\"declarantReference\": \"",
                    "\"declarantReference\": \"NEXT-" + i + "-" + UUID.randomUUID() + "-");
            JsonNode accepted = accepted(first.post(report));
            assertThat(accepted(second.post(report))).as("report " + i).isEqualTo(accepted);
            answered.put(accepted.get("incidentId").asString(), Instant.parse(accepted.get("receivedAt").asString()));
        }
        Map<String, List<IncidentReported>> written = reportsOf(answered.keySet());
        assertThat(written.keySet()).containsExactlyInAnyOrderElementsOf(answered.keySet());
        written.forEach((incidentId, copies) -> {
            assertThat(copies.get(0).getReceivedAt()).as(incidentId).isEqualTo(answered.get(incidentId));
            assertThat(copies).as(incidentId).allSatisfy(copy -> assertThat(copy.getContentFingerprint())
                    .isEqualTo(copies.get(0).getContentFingerprint()));
        });
        System.out.printf("IdempotencyIT: %d of 20 resends to the other instance wrote a copy%n",
                written.values().stream().mapToInt(copies -> copies.size() - 1).sum());
    }

    /**
     * An update sent to the other instance right after the report's 202: that instance may not have
     * read the report yet, and must read up to the log's end before it says it does not know it.
     */
    @Test
    void shouldTakeAnUpdateOnTheOtherInstanceRightAfterTheReport() throws Exception {
        first = IntakeInstance.start(BROKERS);
        second = IntakeInstance.start(BROKERS);

        for (int i = 0; i < 10; i++) {
            String report = Samples.report("provider-outage-paris").replace("\"declarantReference\": \"",
                    "\"declarantReference\": \"UPD-" + i + "-" + UUID.randomUUID() + "-");
            String incidentId = accepted(first.post(report)).get("incidentId").asString();
            HttpResponse<String> update = second.postUpdate(incidentId,
                    "{\"revision\": 2, \"note\": \"Provider back.\", \"incident\": {\"status\": \"CONTAINED\"}}");
            assertThat(accepted(update).get("revision").asInt()).as("update " + i).isEqualTo(2);
        }
    }

    /**
     * Two instances get the same reference at the same moment, one with changed content: whichever
     * Kafka wrote first is accepted, the other is refused with 409 naming the same incident, as if the
     * two had come one after the other; nothing decides otherwise downstream (triage sees the log's first).
     */
    @Test
    void shouldLetTheLogsOrderDecideBetweenTwoInstancesPostedAtOnce() throws Exception {
        first = IntakeInstance.start(BROKERS);
        second = IntakeInstance.start(BROKERS);
        // Each instance's serializer registers the schema on its first report; two first reports at once
        // can race in the registry (./psig up registers the schemas before the services start).
        accepted(first.post(Samples.report("phishing-hospital-mayotte").replace("\"declarantReference\": \"",
                "\"declarantReference\": \"WARM-" + UUID.randomUUID() + "-")));
        accepted(second.post(Samples.report("phishing-hospital-mayotte").replace("\"declarantReference\": \"",
                "\"declarantReference\": \"WARM-" + UUID.randomUUID() + "-")));
        Map<String, String> acceptedSummaries = new HashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                String report = Samples.report("ransomware-hospital-bretagne").replace("KER-2026-0042",
                        "RACE-" + i + "-" + UUID.randomUUID());
                String changed = report.replace("Rançongiciel sur les serveurs du DPI", "Rançongiciel sur tout le SI");
                CountDownLatch go = new CountDownLatch(1);
                Future<HttpResponse<String>> toFirst = senders.submit(() -> { go.await(); return first.post(report); });
                Future<HttpResponse<String>> toSecond = senders.submit(() -> { go.await(); return second.post(changed); });
                go.countDown();
                HttpResponse<String> a = toFirst.get(30, TimeUnit.SECONDS);
                HttpResponse<String> b = toSecond.get(30, TimeUnit.SECONDS);

                assertThat(List.of(a.statusCode(), b.statusCode())).as("round " + i + ": " + a.body() + " / " + b.body())
                        .containsExactlyInAnyOrder(202, 409);
                HttpResponse<String> winner = a.statusCode() == 202 ? a : b;
                String incidentId = accepted(winner).get("incidentId").asString();
                assertConflict(winner == a ? b : a, incidentId);
                acceptedSummaries.put(incidentId, JSON.readTree(winner == a ? report : changed).get("incident")
                        .get("summary").asString());
            }
        } finally {
            senders.shutdownNow();
        }
        Map<String, String> firstWritten = new HashMap<>();
        reportsOf(acceptedSummaries.keySet()).forEach((incidentId, copies) ->
                firstWritten.put(incidentId, copies.get(0).getReport().getIncident().getSummary()));
        assertThat(firstWritten).as("the log's first report of each incident is the one answered 202")
                .isEqualTo(acceptedSummaries);
    }

    @Test
    void shouldRecogniseAReportAcceptedBeforeTheMemoryReadHeaders() throws Exception {
        String reference = "LEGACY-" + UUID.randomUUID();
        String report = Samples.report("ransomware-hospital-bretagne").replace("KER-2026-0042", reference);
        IncidentReportRequest request = JSON.readValue(report, IncidentReportRequest.class);
        UUID incidentId = IncidentIds.of(request.establishment().finessEt(), reference);
        Instant receivedAt = Instant.parse("2026-11-20T10:00:00Z");
        IncidentReported current = ReportMapper.reported(incidentId, request, receivedAt, List.of());
        IncidentReported old = IncidentReported.newBuilder(current)
                .setContentFingerprint(Fingerprints.legacy(current.getReport())).build();
        // As an intake before the memory's headers wrote it: no headers, the JSON rendering's hash.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS))) {
            if (!admin.listTopics().names().get().contains(Topics.INCIDENT_REPORTED)) {
                admin.createTopics(List.of(new NewTopic(Topics.INCIDENT_REPORTED, 6, (short) 1))).all().get();
            }
        }
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, incidentId.toString(), old)).get();
        }
        first = IntakeInstance.start(BROKERS);

        JsonNode repeat = accepted(first.post(report));

        assertThat(repeat.get("incidentId").asString()).isEqualTo(incidentId.toString());
        assertThat(Instant.parse(repeat.get("receivedAt").asString())).isEqualTo(receivedAt);
        assertConflict(first.post(report.replace("Rançongiciel sur les serveurs du DPI", "Autre chose")),
                incidentId.toString());
        assertThat(recordsOf(incidentId.toString())).isEqualTo(1);
    }

    private static KafkaProducer<String, Object> avroProducer() {
        Map<String, Object> config = new HashMap<>(WireFormat.serdeConfig(RegistryServer.shared().url()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS);
        config.put("apicurio.registry.auto-register", true);
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
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

    private static List<IncidentReported> reportsOf(String incidentId) {
        return reportsOf(Set.of(incidentId)).getOrDefault(incidentId, List.of());
    }

    /** The records of these incidents, in the log's order. */
    private static Map<String, List<IncidentReported>> reportsOf(Set<String> incidentIds) {
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_REPORTED))) {
            return recorder.catchUp().stream().filter(record -> incidentIds.contains(record.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                            Collectors.mapping(record -> (IncidentReported) record.value(), Collectors.toList())));
        }
    }

    private static long recordsOf(String incidentId) {
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_REPORTED))) {
            return recorder.catchUp().stream().filter(record -> record.key().equals(incidentId)).count();
        }
    }
}
