package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Scale-out under load: while reports arrive at 50 a second, triage and notification go from one
 * instance each to two, then three (each new one must take partitions of the group's six), then
 * back to two; every rebalance happens mid-stream. Every incident still has exactly one verdict,
 * one HFDS and one ARS-or-unrouted notification.
 */
class ScaleOutIT {

    private static final Logger log = LoggerFactory.getLogger(ScaleOutIT.class);
    private static final List<String> SCALED = List.of("triage", "notification");

    @Test
    void shouldNotifyEachRecipientExactlyOnceWhileInstancesJoinAndLeaveUnderLoad() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        String registry = RegistryServer.shared().url();
        try (PipelineStack stack = new PipelineStack(brokers, registry).start();
             TopicRecorder recorder = new TopicRecorder(brokers, registry, ExactlyOnce.TOPICS);
             SteadyPoster poster = new SteadyPoster(stack)) {
            awaitMoreAccepted(poster, 50);
            List<String> seconds = join(stack);
            awaitMoreAccepted(poster, 50);
            List<String> thirds = join(stack);
            awaitMoreAccepted(poster, 50);
            seconds.forEach(stack::stop);
            awaitMoreAccepted(poster, 50);
            Set<String> all = poster.stop();
            log.info("{} reports accepted while triage and notification went from 1 to 3 instances and back to 2", all.size());

            ExactlyOnce.assertEachIncidentOnce(recorder, all);
            assertThat(thirds).hasSize(SCALED.size());
        }
    }

    /** One more instance of triage and of notification, each holding partitions of its group before this returns. */
    private static List<String> join(PipelineStack stack) {
        List<String> joined = new ArrayList<>();
        for (String service : SCALED) {
            String instance = stack.addInstance(service);
            await(instance + " holding partitions").atMost(Duration.ofSeconds(60))
                    .until(() -> stack.assignedPartitions(instance, service) > 0);
            log.info("{} joined with {} partitions", instance, stack.assignedPartitions(instance, service));
            joined.add(instance);
        }
        return joined;
    }

    private static void awaitMoreAccepted(SteadyPoster poster, int more) {
        int target = poster.acceptedCount() + more;
        await().atMost(Duration.ofSeconds(60)).until(() -> poster.acceptedCount() >= target);
    }
}
