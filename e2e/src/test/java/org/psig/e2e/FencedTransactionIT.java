package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.schemas.Topics;
import org.psig.testsupport.Directories;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Exactly once when a transaction is fenced in the middle of a batch, as the coordinator does to a
 * transaction that outlives its timeout on an overloaded cluster: the batch was consumed, its output
 * aborted, and the service must process it again rather than go on from its consumer's position.
 * Triage and notification are built alike (Kafka Streams, exactly_once_v2); each is fenced three times
 * while 700 records arrive at 50 a second, and each record's result must appear exactly once.
 */
@ExtendWith(RegistryExtension.class)
class FencedTransactionIT {

    private static final int RECORDS = 700;
    private static final int FENCES = 3;
    private static final int PROGRESS_BETWEEN_FENCES = 50;
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private ServiceProcess service;
    private PacedFeeder feeder;
    private Path stateDir;

    @AfterEach
    void stopTheService() {
        if (feeder != null) {
            feeder.close();
        }
        if (service != null) {
            service.close();
        }
        if (stateDir != null) {
            Directories.delete(stateDir);
        }
    }

    @Test
    void shouldNotifyEveryVerdictOnceWhenTransactionsAreFenced() throws Exception {
        Verdicts.createTheVerdictsTopic(BROKERS);
        List<ProducerRecord<String, Object>> verdicts = records(id -> new ProducerRecord<>(Topics.INCIDENT_TRIAGED,
                id.toString(), Verdicts.verdict(id, Topics.ARS_REGION_CODES.get(id.hashCode() & 15))));
        Set<String> incidents = keys(verdicts);
        Path logFile = Files.createTempFile("notification-fence-", ".log");
        service = start("psig.notification.jar", "notification", logFile);

        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(), ExactlyOnce.TOPICS);
             TransactionFencer fencer = new TransactionFencer(BROKERS, "notification-fence-test-")) {
            feeder = new PacedFeeder(BROKERS, verdicts, KilledService.LEAD);
            int fenced = fencer.fence(FENCES, PROGRESS_BETWEEN_FENCES,
                    () -> feedAhead(count(recorder, Topics.NOTIFICATION_HFDS, incidents)), RECORDS);

            assertThat(fenced).as("open transactions fenced").isEqualTo(FENCES);
            feeder.allowUpTo(RECORDS);
            ExactlyOnce.assertEachIncidentOnce(recorder, incidents);
            assertThat(Files.readString(logFile)).as("the service's log").contains("fenced");
        }
    }

    @Test
    void shouldTriageEveryReportOnceWhenTransactionsAreFenced() throws Exception {
        Verdicts.createTopic(BROKERS, Topics.INCIDENT_REPORTED);
        List<ProducerRecord<String, Object>> reports = records(id -> new ProducerRecord<>(Topics.INCIDENT_REPORTED,
                id.toString(), Verdicts.reported(id)));
        Set<String> incidents = keys(reports);
        Path logFile = Files.createTempFile("triage-fence-", ".log");
        service = start("psig.triage.jar", "triage", logFile);

        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_TRIAGED));
             TransactionFencer fencer = new TransactionFencer(BROKERS, "triage-fence-test-")) {
            feeder = new PacedFeeder(BROKERS, reports, KilledService.LEAD);
            int fenced = fencer.fence(FENCES, PROGRESS_BETWEEN_FENCES,
                    () -> feedAhead(count(recorder, Topics.INCIDENT_TRIAGED, incidents)), RECORDS);

            assertThat(fenced).as("open transactions fenced").isEqualTo(FENCES);
            feeder.allowUpTo(RECORDS);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(recorder, Topics.INCIDENT_TRIAGED, incidents) == RECORDS);
            assertThat(perIncident(recorder, Topics.INCIDENT_TRIAGED, incidents)).hasSize(RECORDS)
                    .allSatisfy((incident, verdicts) -> assertThat(verdicts).as(incident).isOne());
            assertThat(Files.readString(logFile)).as("the service's log").contains("fenced");
        }
    }

    /** Keeps the feed a little ahead of the service, so that work remains to fence it in on a slow machine. */
    private int feedAhead(int done) {
        feeder.allowUpTo(done + KilledService.LEAD);
        return done;
    }

    /** Its own application id, and so its own group and transactional ids (fence-test-*), as the fencer looks for them. */
    private ServiceProcess start(String jar, String service, Path logFile) {
        stateDir = ServiceProcess.stateDirectory(service + "-fence-state-");
        return ServiceProcess.start(jar, Map.of("PSIG_INSTANCE_ID", "fence-test",
                        "PSIG_STATE_DIR", stateDir.toString()), logFile,
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.streams.application-id=" + service + "-fence-test",
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    private static List<ProducerRecord<String, Object>> records(Function<UUID, ProducerRecord<String, Object>> record) {
        List<ProducerRecord<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            records.add(record.apply(UUID.randomUUID()));
        }
        return records;
    }

    private static Set<String> keys(List<ProducerRecord<String, Object>> records) {
        return records.stream().map(ProducerRecord::key).collect(Collectors.toSet());
    }

    /** Distinct incidents of this test seen on the topic so far. */
    private static int count(TopicRecorder recorder, String topic, Set<String> incidents) {
        return perIncident(recorder, topic, incidents).size();
    }

    private static Map<String, Long> perIncident(TopicRecorder recorder, String topic, Set<String> incidents) {
        return recorder.catchUp().stream().filter(record -> record.topic().equals(topic))
                .map(ConsumerRecord::key).filter(incidents::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
