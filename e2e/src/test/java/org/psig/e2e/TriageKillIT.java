package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Exactly once under crashes, for triage: 1,000 reports arriving over 80 s, the triage service
 * killed with SIGKILL several times while it works through them in poll batches (a restart's
 * backlog makes large ones); afterwards every incident has exactly one verdict, as a
 * read_committed consumer sees them.
 */
@ExtendWith(RegistryExtension.class)
class TriageKillIT {

    private static final Logger log = LoggerFactory.getLogger(TriageKillIT.class);
    private static final int REPORTS = 1_000;
    private static final List<Integer> KILL_AFTER = List.of(120, 320, 520, 720);
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private KilledService service;
    private PacedFeeder feeder;

    @AfterEach
    void stopTheService() {
        if (feeder != null) {
            feeder.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void shouldTriageEveryIncidentExactlyOnceAcrossRepeatedKills() throws Exception {
        Verdicts.createTopic(BROKERS, Topics.INCIDENT_REPORTED);
        List<ProducerRecord<String, Object>> reports = reports();
        Set<String> incidents = reports.stream().map(ProducerRecord::key).collect(Collectors.toSet());
        feeder = new PacedFeeder(BROKERS, reports);
        Path logFile = Files.createTempFile("triage-kill-", ".log");

        service = new KilledService(() -> start(logFile));
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_TRIAGED))) {
            int kills = service.killAt(KILL_AFTER, () -> verdicts(recorder, incidents).size(), REPORTS);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> verdicts(recorder, incidents).size() == REPORTS);

            Map<String, Integer> perIncident = verdicts(recorder, incidents);
            long duplicates = perIncident.values().stream().filter(count -> count > 1).count();
            log.info("{} reports, {} kills: {} duplicated, {} lost.", REPORTS, kills, duplicates,
                    REPORTS - perIncident.size());

            assertThat(kills).isEqualTo(KILL_AFTER.size());
            assertThat(perIncident).hasSize(REPORTS).allSatisfy((incident, count) -> assertThat(count).isOne());
        }
    }

    private ServiceProcess start(Path logFile) {
        // A stable instance restarted in place, as in NotificationKillIT.
        return ServiceProcess.start("psig.triage.jar", Map.of("PSIG_INSTANCE_ID", "kill-test"), logFile,
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.consumer.properties.group.instance.id=triage-kill-test",
                "--spring.kafka.consumer.group-id=triage-kill-test",
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    /** Verdicts per incident of this test, every one the topic holds so far. */
    private static Map<String, Integer> verdicts(TopicRecorder recorder, Set<String> incidents) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, Object> record : recorder.catchUp()) {
            if (incidents.contains(record.key())) {
                counts.merge(record.key(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static List<ProducerRecord<String, Object>> reports() {
        List<ProducerRecord<String, Object>> reports = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            UUID incidentId = UUID.randomUUID();
            reports.add(new ProducerRecord<>(Topics.INCIDENT_REPORTED, incidentId.toString(), Verdicts.reported(incidentId)));
        }
        return reports;
    }
}
