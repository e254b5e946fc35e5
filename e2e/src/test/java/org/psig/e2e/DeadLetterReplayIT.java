package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.devstack.ReplayDeadLetters;
import org.psig.kafka.AvroPackages;
import org.psig.notification.NotificationApplication;
import org.psig.schemas.Topics;
import org.psig.testsupport.RawTopicReader;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * A verdict that cannot be processed goes to {@code psig.incident.triaged-dlt} with the error in its
 * headers, is counted, and the service keeps going; {@code ./psig replay-dlt} puts dead letters back
 * once the cause is fixed, and nobody is notified twice.
 */
@ExtendWith(RegistryExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayIT {

    private static final String BROKERS = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    private static final String DLT = Topics.deadLetters(Topics.INCIDENT_TRIAGED);

    private ConfigurableApplicationContext notification;
    private TopicRecorder recorder;
    private KafkaProducer<String, Object> avro;

    @BeforeAll
    void startTheNotificationService() throws Exception {
        AvroPackages.trust();
        Verdicts.createTheVerdictsTopic(BROKERS);
        notification = NotificationApplication.application().run(
                "--spring.kafka.bootstrap-servers=" + BROKERS,
                "--spring.kafka.properties.apicurio.registry.url=" + RegistryServer.shared().url() + "/apis/registry/v2",
                "--server.port=0");
        avro = Verdicts.producer(BROKERS);
        recorder = new TopicRecorder(BROKERS, RegistryServer.shared().url(),
                List.of(Topics.NOTIFICATION_HFDS, Topics.arsNotification("53")));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {recorder, avro, notification}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableVerdictCountItAndKeepGoing() throws Exception {
        double before = deadLetters();
        UUID after = UUID.randomUUID();
        String unreadable = "unreadable-verdict-" + UUID.randomUUID();
        try (KafkaProducer<String, byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(Topics.INCIDENT_TRIAGED, 0, unreadable, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        }
        avro.send(new ProducerRecord<>(Topics.INCIDENT_TRIAGED, 0, after.toString(), Verdicts.verdict(after, "53"))).get();
        // The verdict after it on its partition notified: the dead letter, and any copy of it, is committed.
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf(after, Topics.NOTIFICATION_HFDS) == 1);

        List<ConsumerRecord<String, byte[]>> deadLetters = RawTopicReader.awaitKey(BROKERS, DLT, unreadable);
        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.INCIDENT_TRIAGED);
            assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        });
        assertThat(deadLetters()).isEqualTo(before + 1);
    }

    @Test
    void shouldReplayDeadLettersOnceWithoutNotifyingAnyoneTwice() throws Exception {
        UUID alreadyNotified = UUID.randomUUID();
        UUID neverNotified = UUID.randomUUID();
        verdict(alreadyNotified);
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf(alreadyNotified, Topics.NOTIFICATION_HFDS) == 1);
        // Dead letters as the recoverer writes them: the value, plus where it came from.
        deadLetter(alreadyNotified);
        deadLetter(neverNotified);

        int replayed = ReplayDeadLetters.replay(Map.of("bootstrap.servers", BROKERS), DLT);

        assertThat(replayed).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf(neverNotified, Topics.NOTIFICATION_HFDS) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesSkipped() >= 1);
        assertThat(notificationsOf(neverNotified, Topics.arsNotification("53"))).isOne();
        assertThat(notificationsOf(alreadyNotified, Topics.NOTIFICATION_HFDS)).isOne();
        assertThat(notificationsOf(alreadyNotified, Topics.arsNotification("53"))).isOne();

        int replayedAgain = ReplayDeadLetters.replay(Map.of("bootstrap.servers", BROKERS), DLT);

        assertThat(replayedAgain).as("a second replay re-sends only what failed again").isLessThan(replayed);
        assertThat(notificationsOf(neverNotified, Topics.NOTIFICATION_HFDS)).isOne();
    }

    private void verdict(UUID incidentId) throws Exception {
        avro.send(new ProducerRecord<>(Topics.INCIDENT_TRIAGED, incidentId.toString(),
                Verdicts.verdict(incidentId, "53"))).get();
    }

    private void deadLetter(UUID incidentId) throws Exception {
        ProducerRecord<String, Object> record = new ProducerRecord<>(DLT, incidentId.toString(),
                Verdicts.verdict(incidentId, "53"));
        record.headers().add("kafka_dlt-original-topic", Topics.INCIDENT_TRIAGED.getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-exception-message", "the registry did not answer".getBytes(StandardCharsets.UTF_8));
        avro.send(record).get();
    }

    private long notificationsOf(UUID incidentId, String topic) {
        recorder.catchUp();
        return recorder.on(topic).stream().filter(record -> record.key().equals(incidentId.toString())).count();
    }

    private double deadLetters() {
        return notification.getBean(MeterRegistry.class).find("psig.dead.letters")
                .tag("topic", Topics.INCIDENT_TRIAGED).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private double duplicatesSkipped() {
        var counter = notification.getBean(MeterRegistry.class).find("psig.notification.duplicates").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", BROKERS), new StringSerializer(), new ByteArraySerializer());
    }
}
