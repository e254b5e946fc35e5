package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.psig.bench.SlowMember;
import org.psig.schemas.Topics;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The chaos suite's two faults that need no supervisor, under a steady load on two instances of
 * triage and notification: the schema registry stopped (SIGSTOP) for 10 s, then a rebalance storm
 * in the notification group. Reports keep being accepted on cached schemas, a post that cannot be
 * is told 503 with Retry-After (never anything else), and every accepted report is triaged and
 * notified exactly once. The kills run on a real cluster in {@code ./psig chaos} (docs/reliability.md).
 */
class ChaosIT {

    private static final Logger log = LoggerFactory.getLogger(ChaosIT.class);

    @Test
    void shouldNotifyEachAcceptedReportOnceWhileTheRegistryIsAwayAndTheGroupStorms() throws Exception {
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        RegistryServer registry = RegistryServer.shared();
        try (PipelineStack stack = new PipelineStack(brokers, registry.url()).start();
             TopicRecorder recorder = new TopicRecorder(brokers, registry.url(), ExactlyOnce.TOPICS)) {
            stack.addInstance("triage");
            String notification2 = stack.addInstance("notification");
            await("the second notification instance holding partitions").atMost(Duration.ofSeconds(60))
                    .until(() -> stack.assignedPartitions(notification2, "notification") > 0);
            try (SteadyPoster poster = new SteadyPoster(stack)) {
                awaitMoreAccepted(poster, 50);

                int before = poster.acceptedCount();
                signal(registry, "STOP");
                try {
                    // Stopped 10 s whatever the load does meanwhile: the fault's length, not a wait for Kafka.
                    int target = before + 100;
                    await("100 reports accepted, the registry stopped 10 s").pollDelay(Duration.ofSeconds(10))
                            .atMost(Duration.ofSeconds(70)).until(() -> poster.acceptedCount() >= target);
                } finally {
                    signal(registry, "CONT");
                }
                int duringStop = poster.acceptedCount() - before;
                log.info("{} reports accepted while the registry was stopped; {} told to retry later", duringStop,
                        poster.retryLaterCount());

                before = poster.acceptedCount();
                int assignments = SlowMember.storm(brokers, "notification-service", Topics.INCIDENT_TRIAGED,
                        Duration.ofSeconds(15));
                int duringStorm = poster.acceptedCount() - before;
                log.info("the slow member was given partitions {} times; {} reports accepted meanwhile", assignments,
                        duringStorm);
                awaitMoreAccepted(poster, 50);

                Set<String> accepted = poster.stopAllowingRetryLater();
                assertThat(duringStop).as("reports accepted on cached schemas while the registry was stopped")
                        .isGreaterThanOrEqualTo(100);
                assertThat(assignments).as("times the group gave the slow member partitions: each one a rebalance, "
                        + "and as many when it was expelled").isGreaterThanOrEqualTo(2);
                assertThat(duringStorm).as("reports accepted during the storm").isGreaterThan(0);
                ExactlyOnce.assertEachIncidentOnce(recorder, accepted);
            }
        }
    }

    /** kill -STOP stops the registry's JVM where it stands: it accepts connections, and answers nothing. */
    private static void signal(RegistryServer registry, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(registry.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
    }

    private static void awaitMoreAccepted(SteadyPoster poster, int more) {
        int target = poster.acceptedCount() + more;
        await().atMost(Duration.ofSeconds(60)).until(() -> poster.acceptedCount() >= target);
    }
}
