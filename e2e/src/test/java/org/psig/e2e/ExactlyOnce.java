package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.psig.schemas.Topics;
import org.psig.testsupport.TopicRecorder;

/** The pipeline's promise for a set of incidents: one verdict, one HFDS and one ARS-or-unrouted notification each. */
final class ExactlyOnce {

    /** What a recorder must watch for {@link #assertEachIncidentOnce}. */
    static final List<String> TOPICS = topics();

    private ExactlyOnce() {
    }

    /** Waits until each incident is notified to the HFDS, then checks that each was told once everywhere. */
    static void assertEachIncidentOnce(TopicRecorder recorder, Set<String> incidents) {
        await().atMost(Duration.ofSeconds(90)).until(() -> ours(recorder.catchUp(), incidents)
                .stream().filter(r -> r.topic().equals(Topics.NOTIFICATION_HFDS)).count() >= incidents.size());
        List<ConsumerRecord<String, Object>> records = ours(recorder.catchUp(), incidents);

        assertThat(perIncident(records, Topics.INCIDENT_TRIAGED::equals))
                .hasSize(incidents.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
        assertThat(perIncident(records, Topics.NOTIFICATION_HFDS::equals))
                .hasSize(incidents.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
        assertThat(perIncident(records, t -> t.startsWith("psig.notification.ars.") || t.equals(Topics.NOTIFICATION_UNROUTED)))
                .hasSize(incidents.size()).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    }

    private static List<ConsumerRecord<String, Object>> ours(List<ConsumerRecord<String, Object>> all, Set<String> ids) {
        return all.stream().filter(r -> ids.contains(r.key())).toList();
    }

    private static Map<String, Long> perIncident(List<ConsumerRecord<String, Object>> records, Predicate<String> topic) {
        return records.stream().filter(r -> topic.test(r.topic()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.INCIDENT_TRIAGED);
        topics.add(Topics.NOTIFICATION_HFDS);
        topics.add(Topics.NOTIFICATION_UNROUTED);
        return List.copyOf(topics);
    }
}
