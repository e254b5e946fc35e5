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
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.psig.testsupport.Directories;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Exactly once and in order under crashes, for triage: 250 incidents of four revisions each (1,000
 * records) arriving at 50 a second, each revision a quarter of the run after the one it follows, the
 * triage service killed with SIGKILL several times while it works through them in poll batches (a
 * restart's backlog makes large ones); afterwards every incident has exactly one verdict per
 * revision, in revision order, as a read_committed consumer sees them.
 */
@ExtendWith(RegistryExtension.class)
class TriageKillIT {

    private static final Logger log = LoggerFactory.getLogger(TriageKillIT.class);
    private static final int REVISIONS = 4;
    private static final int INCIDENTS = 250;
    private static final int REPORTS = INCIDENTS * REVISIONS;
    private static final List<Integer> KILL_AFTER = List.of(120, 320, 520, 720);
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private KilledService service;
    /** Kept across the kills: a pod restarted in place finds its state directory, and so its transactional ids. */
    private final Path stateDir = ServiceProcess.stateDirectory("triage-kill-state-");
    private PacedFeeder feeder;

    @AfterEach
    void stopTheService() {
        if (feeder != null) {
            feeder.close();
        }
        if (service != null) {
            service.close();
        }
        Directories.delete(stateDir);
    }

    @Test
    void shouldTriageEveryIncidentExactlyOnceAcrossRepeatedKills() throws Exception {
        Verdicts.createTopic(BROKERS, Topics.INCIDENT_REPORTED);
        List<ProducerRecord<String, Object>> reports = reports();
        Set<String> incidents = reports.stream().map(ProducerRecord::key).collect(Collectors.toSet());
        feeder = new PacedFeeder(BROKERS, reports, KilledService.LEAD);
        Path logFile = Files.createTempFile("triage-kill-", ".log");

        service = new KilledService(() -> start(logFile));
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_TRIAGED))) {
            int kills = service.killAt(KILL_AFTER, () -> count(verdicts(recorder, incidents)), REPORTS, feeder);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(verdicts(recorder, incidents)) >= REPORTS);

            Map<String, List<Integer>> perIncident = verdicts(recorder, incidents);
            long wrong = perIncident.values().stream().filter(revisions -> !revisions.equals(List.of(1, 2, 3, 4))).count();
            log.info("{} revisions of {} incidents, {} kills: {} incidents with a revision lost, duplicated or out of "
                    + "order.", REPORTS, INCIDENTS, kills, wrong + INCIDENTS - perIncident.size());

            assertThat(kills).isEqualTo(KILL_AFTER.size());
            assertThat(perIncident).hasSize(INCIDENTS).allSatisfy((incident, revisions) ->
                    assertThat(revisions).containsExactly(1, 2, 3, 4));
        }
    }

    private ServiceProcess start(Path logFile) {
        // A stable instance restarted in place, as in NotificationKillIT.
        return ServiceProcess.start("psig.triage.jar", Map.of("PSIG_INSTANCE_ID", "kill-test",
                        "PSIG_STATE_DIR", stateDir.toString()), logFile,
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.streams.properties.group.instance.id=triage-kill-test",
                "--spring.kafka.streams.application-id=triage-kill-test",
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    /** The revisions of each incident of this test that have a verdict, in the topic's order, every one so far. */
    private static Map<String, List<Integer>> verdicts(TopicRecorder recorder, Set<String> incidents) {
        Map<String, List<Integer>> revisions = new HashMap<>();
        for (ConsumerRecord<String, Object> record : recorder.catchUp()) {
            if (incidents.contains(record.key())) {
                revisions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(((IncidentTriaged) record.value()).getRevision());
            }
        }
        return revisions;
    }

    private static int count(Map<String, List<Integer>> verdicts) {
        return verdicts.values().stream().mapToInt(List::size).sum();
    }

    /** Round after round: every incident's revision 1, then every incident's revision 2, and so on. */
    private static List<ProducerRecord<String, Object>> reports() {
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(UUID.randomUUID());
        }
        List<ProducerRecord<String, Object>> reports = new ArrayList<>();
        for (int revision = 1; revision <= REVISIONS; revision++) {
            for (UUID incidentId : incidents) {
                reports.add(new ProducerRecord<>(Topics.INCIDENT_REPORTED, incidentId.toString(),
                        Verdicts.reported(incidentId, revision)));
            }
        }
        return reports;
    }
}
