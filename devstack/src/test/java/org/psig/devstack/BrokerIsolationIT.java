package org.psig.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.psig.schemas.Topics;
import org.psig.testsupport.KafkaBrokerProcess;

/**
 * The secure local broker (SASL/PLAIN over TLS, StandardAuthorizer, the ACLs of {@link AccessPlan}),
 * real and in its own process: each ARS reads its own notifications and nothing else, the HFDS its
 * own; a client that does not speak TLS, or does not trust the broker's certificate, gets nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerIsolationIT {

    private final Credentials credentials = Credentials.generate();
    private KafkaBrokerProcess broker;
    private Tls tls;

    @BeforeAll
    void startTheSecureBrokerWithOneNotificationPerTopic() throws Exception {
        tls = Tls.ensure(Files.createTempDirectory("psig-tls-"));
        broker = KafkaBrokerProcess.start((port, controllerPort) -> SecureBroker.serverProperties(credentials, port,
                controllerPort, tls), Connection.sasl(Credentials.ADMIN, credentials.password(Credentials.ADMIN), tls));
        Secure.applyAcls(broker.bootstrapServers(), credentials, tls);
        List<NewTopic> topics = new ArrayList<>();
        notificationTopics().forEach(topic -> topics.add(new NewTopic(topic, 1, (short) 1)));
        topics.add(new NewTopic(Topics.INCIDENT_TRIAGED, 1, (short) 1));
        try (Admin admin = Admin.create(as(Credentials.ADMIN))) {
            admin.createTopics(topics).all().get();
        }
        // The notification service's own principal writes them: its ACLs allow exactly that.
        Map<String, Object> producer = as("notification-service");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> notifier = new KafkaProducer<>(producer, new StringSerializer(),
                new StringSerializer())) {
            for (String topic : notificationTopics()) {
                notifier.send(new ProducerRecord<>(topic, "incident", "notification on " + topic)).get();
            }
        }
        try (KafkaProducer<String, String> triage = new KafkaProducer<>(as("triage-service"), new StringSerializer(),
                new StringSerializer())) {
            triage.send(new ProducerRecord<>(Topics.INCIDENT_TRIAGED, "incident", "a verdict with its warnings")).get();
        }
    }

    @AfterAll
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    static Stream<String> regions() {
        return Topics.ARS_REGION_CODES.stream();
    }

    @ParameterizedTest(name = "ARS {0} reads its own topic")
    @MethodSource("regions")
    void shouldLetEachArsReadItsOwnTopic(String region) {
        assertThat(read(Credentials.ars(region), Topics.arsNotification(region)))
                .containsExactly("notification on " + Topics.arsNotification(region));
    }

    @ParameterizedTest(name = "ARS 53 is refused {0}")
    @MethodSource("topicsOtherThanArs53")
    void shouldRefuseAnArsEveryOtherRecipientsTopic(String topic) {
        assertThatThrownBy(() -> read(Credentials.ars("53"), topic)).isInstanceOf(AuthorizationException.class);
    }

    static Stream<String> topicsOtherThanArs53() {
        return notificationTopics().stream().filter(topic -> !topic.equals(Topics.arsNotification("53")));
    }

    @Test
    void shouldLetTheHfdsReadItsTopicOnly() {
        assertThat(read(Credentials.HFDS, Topics.NOTIFICATION_HFDS)).hasSize(1);
        assertThatThrownBy(() -> read(Credentials.HFDS, Topics.arsNotification("53")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void shouldNotLetAnArsWriteEvenItsOwnTopic() {
        Map<String, Object> config = as(Credentials.ars("53"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.arsNotification("53"), "forged")).get())
                    .hasCauseInstanceOf(AuthorizationException.class);
        }
    }

    /** Analysts read the verdicts, where the intake's FINESS warnings travel. */
    @Test
    void shouldLetCertSanteReadTheVerdicts() {
        assertThat(read(Credentials.CERT_SANTE, Topics.INCIDENT_TRIAGED)).containsExactly("a verdict with its warnings");
    }

    /** The declarant's status: the intake reads verdicts and notifications, without a consumer group. */
    @ParameterizedTest(name = "the intake reads {0}")
    @ValueSource(strings = {Topics.INCIDENT_TRIAGED, Topics.NOTIFICATION_HFDS, Topics.NOTIFICATION_UNROUTED,
        "psig.notification.ars.53"})
    void shouldLetTheIntakeReadWhatBecameOfEachReport(String topic) {
        assertThat(poll(as("intake-service"), topic)).hasSize(1);
    }

    /** The intake reads notifications' headers for the declarant's status, and must never forge one. */
    @Test
    void shouldNotLetTheIntakeWriteNotifications() {
        Map<String, Object> config = as("intake-service");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.NOTIFICATION_HFDS, "forged")).get())
                    .hasCauseInstanceOf(AuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseAWrongPassword() {
        Map<String, Object> config = new HashMap<>(Connection.of(broker.bootstrapServers(), Credentials.ars("53"),
                "guessed", tls));
        assertThatThrownBy(() -> poll(config, Topics.arsNotification("53")))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void shouldGiveNothingToAClientWithoutTls() {
        Map<String, Object> config = new HashMap<>(Connection.of(broker.bootstrapServers(), Credentials.ars("53"),
                credentials.password(Credentials.ars("53")), null));
        // Its handshake is not TLS: the broker drops the connection, and the client never gets in.
        assertThat(poll(config, Topics.arsNotification("53"), Duration.ofSeconds(5))).isEmpty();
        assertThat(poll(as(Credentials.ars("53")), Topics.arsNotification("53"))).as("the same principal over TLS").isNotEmpty();
    }

    @Test
    void shouldGiveNothingToAClientThatDoesNotTrustTheBrokersCertificate() throws Exception {
        Tls another = Tls.ensure(Files.createTempDirectory("psig-other-tls-"));
        Map<String, Object> config = new HashMap<>(Connection.of(broker.bootstrapServers(), Credentials.ars("53"),
                credentials.password(Credentials.ars("53")), another));
        assertThatThrownBy(() -> poll(config, Topics.arsNotification("53"))).isInstanceOf(SslAuthenticationException.class);
    }

    private static List<String> notificationTopics() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.NOTIFICATION_HFDS);
        topics.add(Topics.NOTIFICATION_UNROUTED);
        return topics;
    }

    private Map<String, Object> as(String principal) {
        return new HashMap<>(Connection.of(broker.bootstrapServers(), principal, credentials.password(principal), tls));
    }

    /** What {@code principal} reads from the start of {@code topic}, in its own consumer group. */
    private List<String> read(String principal, String topic) {
        Map<String, Object> config = as(principal);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, principal + "-isolation-test");
        return poll(config, topic);
    }

    private static List<String> poll(Map<String, Object> config, String topic) {
        return poll(config, topic, Duration.ofSeconds(20));
    }

    private static List<String> poll(Map<String, Object> config, String topic, Duration patience) {
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + patience.toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
