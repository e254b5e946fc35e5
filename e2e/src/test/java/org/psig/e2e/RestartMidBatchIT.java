package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.ObjectMapper;

/**
 * Triage, then notification, is restarted while reports keep arriving and while records wait for
 * it: each is held (its listener paused, as a slow instance would be) until at least
 * {@value #IN_FLIGHT} accepted reports wait for it, then restarted. Those reports, and every other,
 * end with exactly one verdict, one HFDS notification and one ARS-or-unrouted notification.
 */
class RestartMidBatchIT {

    private static final Logger log = LoggerFactory.getLogger(RestartMidBatchIT.class);
    private static final int IN_FLIGHT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger posted = new AtomicInteger();

    @Test
    void shouldNotifyEachRecipientExactlyOnceAcrossRestartsWithRecordsInFlight() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String registry = RegistryServer.shared().url();
        ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
        try (PipelineStack stack = new PipelineStack(brokers, registry).start();
             TopicRecorder recorder = new TopicRecorder(brokers, registry, watchedTopics())) {
            // 50 reports a second, until both restarts are over.
            poster.scheduleAtFixedRate(() -> post(stack), 0, 20, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= 50);

            Set<String> waitingForTriage = restartWithRecordsInFlight(stack, "triage", recorder, Topics.INCIDENT_TRIAGED);
            Set<String> waitingForNotification = restartWithRecordsInFlight(stack, "notification", recorder,
                    Topics.NOTIFICATION_HFDS);
            int before = accepted.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.size() >= before + 50);
            poster.shutdown();
            assertThat(poster.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            Set<String> all = new HashSet<>(accepted);
            log.info("{} reports accepted; {} waited for triage at its restart, {} for notification at its",
                    all.size(), waitingForTriage.size(), waitingForNotification.size());
            assertThat(all).hasSize(posted.get()).containsAll(waitingForTriage).containsAll(waitingForNotification);

            await().atMost(Duration.ofSeconds(90)).until(() -> ours(recorder.catchUp(), all)
                    .stream().filter(r -> r.topic().equals(Topics.NOTIFICATION_HFDS)).count() >= all.size());
            List<ConsumerRecord<String, Object>> records = ours(recorder.catchUp(), all);

            assertThat(perIncident(records, Topics.INCIDENT_TRIAGED::equals))
                    .hasSize(all.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
            assertThat(perIncident(records, Topics.NOTIFICATION_HFDS::equals))
                    .hasSize(all.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
            assertThat(perIncident(records, t -> t.startsWith("psig.notification.ars.")
                    || t.equals(Topics.NOTIFICATION_UNROUTED)))
                    .hasSize(all.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
        } finally {
            poster.shutdownNow();
        }
    }

    /**
     * Holds the service until at least {@value #IN_FLIGHT} accepted reports have nothing on its output
     * topic yet, then restarts it; returns those reports, which its successor must take up.
     */
    private Set<String> restartWithRecordsInFlight(PipelineStack stack, String service, TopicRecorder recorder,
                                                   String output) {
        stack.pauseListener(service);
        Set<String> waiting = new HashSet<>();
        await("reports waiting for " + service).atMost(Duration.ofSeconds(30)).until(() -> {
            Set<String> done = recorder.catchUp().stream().filter(r -> r.topic().equals(output))
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            waiting.clear();
            accepted.stream().filter(id -> !done.contains(id)).forEach(waiting::add);
            return waiting.size() >= IN_FLIGHT;
        });
        stack.restart(service);
        return Set.copyOf(waiting);
    }

    private void post(PipelineStack stack) {
        int i = posted.getAndIncrement();
        String sample = Samples.NAMES.get(i % Samples.NAMES.size());
        String body = JSON.readTree(Samples.report(sample)).toString()
                .replaceFirst("\"declarantReference\":\"[^\"]*\"", "\"declarantReference\":\"restart-" + run + "-" + i + "\"");
        var response = stack.postReport(body);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("report " + i + " answered " + response.statusCode() + ": " + response.body());
        }
        accepted.add(JSON.readTree(response.body()).get("incidentId").asString());
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
