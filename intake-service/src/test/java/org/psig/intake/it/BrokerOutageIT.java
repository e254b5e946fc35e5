package org.psig.intake.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.schemas.Topics;
import org.psig.testsupport.KafkaBrokerProcess;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.Samples;
import org.psig.testsupport.TopicRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker killed under the intake: reports are refused with 503 and Retry-After within the write
 * timeout, never accepted without Kafka, and once the broker is back the intake recovers by itself
 * with no report lost or written twice.
 */
@ExtendWith(RegistryExtension.class)
class BrokerOutageIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerOutageIT.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The write timeout and room for two busy cores. What it must catch is a request left to the
     * Kafka client's own limits (max.block.ms 60 s, delivery.timeout.ms 120 s), far beyond it.
     */
    private static final Duration BOUND = WRITE_TIMEOUT.plusSeconds(15);

    private KafkaBrokerProcess broker;
    private IntakeInstance intake;

    @AfterEach
    void stopEverything() {
        if (intake != null) {
            intake.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldAnswer503WithinTheBoundWhileTheBrokerIsDownThenRecoverWithNothingLostOrDuplicated() throws Exception {
        broker = KafkaBrokerProcess.start();
        intake = IntakeInstance.start(broker.bootstrapServers(), "--psig.intake.write-timeout=" + WRITE_TIMEOUT.toSeconds() + "s");
        String before = Samples.report("ransomware-hospital-bretagne");
        String during = Samples.report("power-outage-ehpad-occitanie");
        await().atMost(Duration.ofSeconds(60)).until(() -> intake.post(before).statusCode() == 202);

        broker.kill();
        long start = System.nanoTime();
        HttpResponse<String> refused = intake.post(during);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        log.info("With the broker down, the intake answered {} in {} ms.", refused.statusCode(), elapsed.toMillis());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.body()).contains("urn:psig:problem:temporarily-unavailable");
        assertThat(elapsed).isLessThan(BOUND);

        broker.restart();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> intake.post(during).statusCode() == 202);
        HttpResponse<String> again = intake.post(during);
        assertThat(again.statusCode()).isEqualTo(202);

        Map<String, Long> perIncident = reportsPerIncident();
        assertThat(perIncident).hasSize(2).allSatisfy((incident, count) -> assertThat(count).isEqualTo(1));
        assertThat(perIncident).containsKey(JsonMapper.builder().build().readTree(again.body())
                .get("incidentId").asString());
    }

    private Map<String, Long> reportsPerIncident() {
        try (TopicRecorder recorder = new TopicRecorder(broker.bootstrapServers(), RegistryServer.shared().url(),
                List.of(Topics.INCIDENT_REPORTED))) {
            return recorder.catchUp().stream().collect(java.util.stream.Collectors.groupingBy(
                    record -> record.key(), java.util.stream.Collectors.counting()));
        }
    }
}
