package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Triage, then notification, is restarted while reports keep arriving and while records wait for
 * it: each is held (its processing paused, as a slow instance would be) until at least
 * {@value #IN_FLIGHT} accepted reports wait for it, then restarted. Those reports, and every other,
 * end with exactly one verdict, one HFDS notification and one ARS-or-unrouted notification.
 */
class RestartMidBatchIT {

    private static final Logger log = LoggerFactory.getLogger(RestartMidBatchIT.class);
    private static final int IN_FLIGHT = 20;

    @Test
    void shouldNotifyEachRecipientExactlyOnceAcrossRestartsWithRecordsInFlight() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String registry = RegistryServer.shared().url();
        try (PipelineStack stack = new PipelineStack(brokers, registry).start();
             TopicRecorder recorder = new TopicRecorder(brokers, registry, ExactlyOnce.TOPICS);
             SteadyPoster poster = new SteadyPoster(stack)) {
            // 50 reports a second, until both restarts are over.
            await().atMost(Duration.ofSeconds(30)).until(() -> poster.acceptedCount() >= 50);

            Set<String> waitingForTriage = restartWithRecordsInFlight(stack, "triage", recorder, poster, Topics.INCIDENT_TRIAGED);
            Set<String> waitingForNotification = restartWithRecordsInFlight(stack, "notification", recorder, poster,
                    Topics.NOTIFICATION_HFDS);
            int before = poster.acceptedCount();
            await().atMost(Duration.ofSeconds(30)).until(() -> poster.acceptedCount() >= before + 50);
            Set<String> all = poster.stop();
            log.info("{} reports accepted; {} waited for triage at its restart, {} for notification at its",
                    all.size(), waitingForTriage.size(), waitingForNotification.size());
            assertThat(all).containsAll(waitingForTriage).containsAll(waitingForNotification);

            ExactlyOnce.assertEachIncidentOnce(recorder, all);
        }
    }

    /**
     * Holds the service until at least {@value #IN_FLIGHT} accepted reports have nothing on its output
     * topic yet, then restarts it; returns those reports, which its successor must take up.
     */
    private static Set<String> restartWithRecordsInFlight(PipelineStack stack, String service, TopicRecorder recorder,
                                                          SteadyPoster poster, String output) {
        stack.pause(service);
        Set<String> waiting = new HashSet<>();
        await("reports waiting for " + service).atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> done = recorder.catchUp().stream().filter(r -> r.topic().equals(output))
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            waiting.clear();
            poster.accepted().stream().filter(id -> !done.contains(id)).forEach(waiting::add);
            return waiting.size() >= IN_FLIGHT;
        });
        stack.restart(service);
        return Set.copyOf(waiting);
    }
}
