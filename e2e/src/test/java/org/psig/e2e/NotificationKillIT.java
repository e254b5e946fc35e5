package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
import org.psig.schemas.ArsNotification;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.RevisionKind;
import org.psig.schemas.Topics;
import org.psig.testsupport.Directories;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Exactly once and in order under crashes: 1,000 verdicts (250 incidents, four revisions each, a
 * quarter of the run apart) arriving at 50 a second, the notification service killed with SIGKILL
 * several times while it publishes them in poll batches; afterwards every revision of every
 * incident has exactly one HFDS notification and exactly one ARS-or-unrouted notification, in
 * revision order, as a read_committed consumer sees them.
 */
@ExtendWith(RegistryExtension.class)
class NotificationKillIT {

    private static final Logger log = LoggerFactory.getLogger(NotificationKillIT.class);
    private static final int INCIDENTS = 250;
    private static final List<Integer> REVISIONS = List.of(1, 2, 3, 4);
    private static final int VERDICTS = INCIDENTS * REVISIONS.size();
    private static final List<Integer> KILL_AFTER = List.of(120, 320, 520, 720);
    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private KilledService service;
    /** Kept across the kills: a pod restarted in place finds its state directory, and so its transactional ids. */
    private final Path stateDir = ServiceProcess.stateDirectory("notification-kill-state-");
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
    void shouldNotifyEveryIncidentExactlyOnceAcrossRepeatedKills() throws Exception {
        Verdicts.createTheVerdictsTopic(BROKERS);
        List<ProducerRecord<String, Object>> verdicts = verdicts();
        Set<String> incidents = verdicts.stream().map(ProducerRecord::key).collect(Collectors.toSet());
        feeder = new PacedFeeder(BROKERS, verdicts, KilledService.LEAD);
        Path logFile = Files.createTempFile("notification-kill-", ".log");
        List<String> recipientTopics = new ArrayList<>(Topics.allArsNotifications());
        recipientTopics.add(Topics.NOTIFICATION_UNROUTED);
        List<String> watched = new ArrayList<>(recipientTopics);
        watched.add(Topics.NOTIFICATION_HFDS);

        service = new KilledService(() -> start(logFile));
        // The service creates its topics at start; the recorder waits for them.
        try (TopicRecorder recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(), watched)) {
            int kills = service.killAt(KILL_AFTER, () -> notified(recorder, incidents), VERDICTS, feeder);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> notified(recorder, incidents) == VERDICTS);

            Map<String, List<Integer>> hfds = revisions(recorder.on(Topics.NOTIFICATION_HFDS), incidents);
            Map<String, List<Integer>> regional = new HashMap<>();
            recipientTopics.forEach(topic -> revisions(recorder.on(topic), incidents)
                    .forEach((incident, revisions) -> regional.merge(incident, revisions, (a, b) -> {
                        List<Integer> both = new ArrayList<>(a);
                        both.addAll(b);
                        return both;
                    })));
            long wrong = incidents.stream().filter(id -> !REVISIONS.equals(hfds.get(id))
                    || !REVISIONS.equals(regional.get(id))).count();
            log.info("{} verdicts of {} incidents, {} kills: {} incidents with a notification lost, duplicated or out "
                    + "of order.", VERDICTS, INCIDENTS, kills, wrong);

            assertThat(kills).isEqualTo(KILL_AFTER.size());
            assertThat(hfds).hasSize(INCIDENTS).allSatisfy((incident, revisions) ->
                    assertThat(revisions).isEqualTo(REVISIONS));
            assertThat(regional).hasSize(INCIDENTS).allSatisfy((incident, revisions) ->
                    assertThat(revisions).isEqualTo(REVISIONS));
        }
    }

    private ServiceProcess start(Path logFile) {
        // A stable instance, as a StatefulSet pod restarted in place: the same transactional ids abort at
        // once what the killed predecessor left open, and static group membership takes its partitions
        // back without waiting for its session to time out.
        return ServiceProcess.start("psig.notification.jar", Map.of("PSIG_INSTANCE_ID", "kill-test",
                        "PSIG_STATE_DIR", stateDir.toString()), logFile,
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.streams.properties.group.instance.id=notification-kill-test",
                // Its own group: a static member that is gone holds its group's partitions for a session.
                "--spring.kafka.streams.application-id=notification-kill-test",
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0",
                "--logging.level.root=WARN");
    }

    /** Distinct (incident, revision) told to the HFDS so far. */
    private static int notified(TopicRecorder recorder, Set<String> incidents) {
        Set<String> seen = new HashSet<>();
        for (ConsumerRecord<String, Object> record : recorder.catchUp()) {
            if (record.topic().equals(Topics.NOTIFICATION_HFDS) && incidents.contains(record.key())) {
                seen.add(record.key() + "/" + ((HfdsNotification) record.value()).getRevision());
            }
        }
        return seen.size();
    }

    /** The revisions notified per incident of this test, in the topic's order. */
    private static Map<String, List<Integer>> revisions(List<ConsumerRecord<String, Object>> records, Set<String> incidents) {
        Map<String, List<Integer>> revisions = new HashMap<>();
        records.stream().filter(record -> incidents.contains(record.key()))
                .forEach(record -> revisions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(record.value() instanceof HfdsNotification hfds ? hfds.getRevision()
                                : ((ArsNotification) record.value()).getRevision()));
        return revisions;
    }

    /** Round after round: every incident's revision 1, then every incident's revision 2, and so on. */
    private static List<ProducerRecord<String, Object>> verdicts() {
        List<String> regions = new ArrayList<>(Topics.ARS_REGION_CODES);
        regions.add(null);
        List<UUID> incidents = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(UUID.randomUUID());
        }
        List<ProducerRecord<String, Object>> verdicts = new ArrayList<>();
        for (int revision : REVISIONS) {
            for (int i = 0; i < INCIDENTS; i++) {
                UUID incidentId = incidents.get(i);
                IncidentTriaged verdict = Verdicts.verdict(incidentId, regions.get(i % regions.size()));
                verdicts.add(new ProducerRecord<>(Topics.INCIDENT_TRIAGED, incidentId.toString(),
                        IncidentTriaged.newBuilder(verdict).setRevision(revision)
                                .setKind(revision == 1 ? RevisionKind.INITIAL : RevisionKind.UPDATE).build()));
            }
        }
        return verdicts;
    }
}
