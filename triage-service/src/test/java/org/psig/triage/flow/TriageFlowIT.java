package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psig.kafka.DeadLetters;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.psig.schemas.WireFormat;
import org.psig.testsupport.RawTopicReader;
import org.psig.testsupport.RegistryExtension;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.TopicRecorder;
import org.psig.triage.TriageApplication;
import org.psig.triage.rules.TriageParameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Triage on the real broker and registry: verdicts, repeats, conflicts and poison records. */
@ExtendWith(RegistryExtension.class)
@SpringBootTest(classes = TriageApplication.class, properties = {
        "spring.config.name=triage-service",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.properties.apicurio.registry.url=${psig.registry.url}/apis/registry/v2",
        "server.port=0",
        "psig.metrics.kafka-interval=500ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageFlowIT {

    private static final String DLT = DeadLetters.topicFor(Topics.INCIDENT_REPORTED);

    @Autowired
    KafkaAdmin admin;

    @Autowired
    MeterRegistry meters;

    @Autowired
    StreamsBuilderFactoryBean streams;

    private TopicRecorder recorder;
    private KafkaProducer<String, Object> avro;
    private KafkaProducer<String, byte[]> raw;

    @BeforeAll
    void connect() {
        // Intake creates this topic in the real stack; here triage runs alone.
        admin.createOrModifyTopics(TopicBuilder.name(Topics.INCIDENT_REPORTED)
                .partitions(6).replicas(1).build());
        String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        Map<String, Object> config = new HashMap<>(WireFormat.serdeConfig(RegistryServer.shared().url()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put("apicurio.registry.auto-register", true);
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        avro = new KafkaProducer<>(config, new StringSerializer(), serializer);
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        recorder = new TopicRecorder(brokers, RegistryServer.shared().url(), List.of(Topics.INCIDENT_TRIAGED));
    }

    @AfterAll
    void disconnect() {
        avro.close();
        raw.close();
        recorder.close();
    }

    private void report(IncidentReported reported) throws Exception {
        avro.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, reported.getIncidentId().toString(), reported)).get();
    }

    /** One partition for every record of a test, so that their order of processing is known. */
    private void report(IncidentReported reported, int partition) throws Exception {
        avro.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, partition, reported.getIncidentId().toString(),
                reported)).get();
    }

    private static String brokers() {
        return System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    }

    private List<IncidentTriaged> verdictsOf(UUID incidentId) {
        return recorder.catchUp().stream().filter(r -> r.key().equals(incidentId.toString()))
                .map(r -> (IncidentTriaged) r.value()).toList();
    }

    @Test
    void shouldTriageAReportOnceEvenWhenItArrivesTwice() throws Exception {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        double duplicatesBefore = meters.counter("psig.triage.duplicates").count();

        report(Reports.ransomware(id, "350100426", "Rançongiciel"), 0);
        report(Reports.ransomware(id, "350100426", "Rançongiciel"), 0);
        report(Reports.ransomware(marker, "350100426", "Marqueur"), 0);

        // Once the marker's verdict is out, the repeat before it on the same partition was handled.
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(marker).size() == 1);
        assertThat(meters.counter("psig.triage.duplicates").count()).as("the repeat, counted once")
                .isEqualTo(duplicatesBefore + 1);
        assertThat(verdictsOf(id)).singleElement().satisfies(verdict -> {
            assertThat(verdict.getArsRegionCode()).isEqualTo("53");
            assertThat(verdict.getSeverity().name()).isEqualTo("CRITICAL");
            assertThat(verdict.getReasons()).isNotEmpty();
            assertThat(verdict.getRsitClass()).isEqualTo("information-content-security");
            assertThat(verdict.getRsitType()).isEqualTo("unauthorised-information-modification");
            assertThat(verdict.getTlp().name()).isEqualTo("AMBER_STRICT");
            assertThat(verdict.getDeadlines()).isEmpty();
            assertThat(verdict.getRulesetVersion()).isEqualTo(TriageParameters.RULES_VERSION);
        });
    }

    @Test
    void shouldNameTheCampaignOfAMemberOnItsNextVerdictOnceTheCampaignIsOnItsTopic() throws Exception {
        UUID member = UUID.randomUUID();
        UUID outside = UUID.randomUUID();
        UUID campaignId = UUID.randomUUID();
        IncidentReported first = Reports.ransomware(member, "350100426", "Hébergeur en panne");
        IncidentReported outsideFirst = Reports.ransomware(outside, "350100426", "Autre panne");
        // Keyed as the intake keys them: an incident's campaigns are kept in the task of its partition.
        report(first);
        report(outsideFirst);
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(outside).size() == 1);

        avro.send(new ProducerRecord<>(Topics.INCIDENT_CAMPAIGNS, campaignId.toString(),
                Reports.campaign(campaignId, member, UUID.randomUUID(), UUID.randomUUID()))).get();
        // Triage, not the test, reads the topic: once its store has the membership, the next revision is triaged.
        await().atMost(Duration.ofSeconds(30)).until(() -> CampaignMembers.of(campaignsStore().get(member.toString()))
                .contains(campaignId.toString()));
        report(Reports.followUp(first));
        report(Reports.followUp(outsideFirst));
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(outside).size() == 2 && verdictsOf(member).size() == 2);

        assertThat(verdictsOf(member)).extracting(IncidentTriaged::getRevision, IncidentTriaged::getCampaignIds)
                .containsExactly(tuple(1, List.of()), tuple(2, List.of(campaignId)));
        assertThat(verdictsOf(outside)).extracting(IncidentTriaged::getCampaignIds).containsExactly(List.of(), List.of());
    }

    @Test
    void shouldSendUndecodableBytesToTheDeadLetterTopicAndKeepGoing() throws Exception {
        UUID after = UUID.randomUUID();
        String garbage = "garbage-" + UUID.randomUUID();
        double before = deadLetterCount();
        raw.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, 2, garbage, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        report(Reports.ransomware(after, "2A0000018", "Après un enregistrement illisible"), 2);
        // The record after it on its partition triaged: its dead letter, and any copy of it, is committed.
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(after).size() == 1);

        List<ConsumerRecord<String, byte[]>> deadLetters = RawTopicReader.awaitKey(brokers(), DLT, garbage);

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
            assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-topic").value())
                    .isEqualTo(Topics.INCIDENT_REPORTED.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(verdictsOf(after).get(0).getArsRegionCode()).isEqualTo("94");
        assertThat(deadLetterCount()).isEqualTo(before + 1);
    }

    @Test
    void shouldSendARecordWithAnUnknownSchemaToTheDeadLetterTopicCountedAndKeepGoing() throws Exception {
        UUID after = UUID.randomUUID();
        double before = deadLetterCount();
        // The Confluent wire format: magic byte 0, then a schema id no registry has ever given out.
        byte[] unknownSchema = ByteBuffer.allocate(9).put((byte) 0).putInt(987_654_321).putInt(42).array();
        String key = "unknown-schema-" + UUID.randomUUID();
        raw.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, 4, key, unknownSchema)).get();
        report(Reports.ransomware(after, "970300014", "Après un schéma inconnu"), 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(after).size() == 1);

        List<ConsumerRecord<String, byte[]>> deadLetters = RawTopicReader.awaitKey(brokers(), DLT, key);

        assertThat(deadLetters).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(unknownSchema);
            assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .isNotBlank();
            assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
        });
        assertThat(verdictsOf(after).get(0).getArsRegionCode()).isEqualTo("03");
        assertThat(deadLetterCount()).isEqualTo(before + 1);
    }

    private double deadLetterCount() {
        return meters.find("psig.dead.letters").tag("topic", Topics.INCIDENT_REPORTED).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    @Test
    void shouldSendAConflictingReportToTheDeadLetterTopicNotDropIt() throws Exception {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        report(Reports.ransomware(id, "350100426", "Première version"), 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(id).size() == 1);
        double conflictsBefore = meters.counter("psig.triage.conflicts").count();

        report(Reports.ransomware(id, "350100426", "Version modifiée"), 5);
        report(Reports.ransomware(marker, "350100426", "Marqueur"), 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(marker).size() == 1);

        List<ConsumerRecord<String, byte[]>> deadLetters = RawTopicReader.awaitKey(brokers(), DLT, id.toString());
        assertThat(deadLetters).singleElement().satisfies(record -> assertThat(
                new String(record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                .contains("already triaged with different content"));
        assertThat(verdictsOf(id)).hasSize(1);
        assertThat(meters.counter("psig.triage.conflicts").count()).isEqualTo(conflictsBefore + 1);
    }

    /** What the PsigReportWaiting alert reads: how long the oldest report not triaged yet has waited. */
    @Test
    void shouldTellHowLongAReportHasWaitedWhileTriageDoesNotMove() throws Exception {
        KafkaStreams triage = streams.getKafkaStreams();
        UUID waiting = UUID.randomUUID();
        triage.pause();
        try {
            report(Reports.ransomware(waiting, "350100426", "En attente"));
            await().atMost(Duration.ofSeconds(30)).until(() -> oldestWaiting() >= 2.0);
        } finally {
            triage.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(waiting).size() == 1 && oldestWaiting() == 0.0);
    }

    private double oldestWaiting() {
        return meters.get("psig.kafka.oldest.waiting").tag("group", "triage-service")
                .tag("topic", Topics.INCIDENT_REPORTED).gauge().value();
    }

    private ReadOnlyKeyValueStore<String, String> campaignsStore() {
        return streams.getKafkaStreams().store(StoreQueryParameters.fromNameAndType(CampaignMembers.STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    @Test
    void shouldDeadLetterOnlyThePoisonRecordsOfAPileAndTriageTheRestOnce() throws Exception {
        UUID first = UUID.randomUUID();
        UUID repeated = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String garbageKey = "garbage-in-a-batch-" + UUID.randomUUID();
        // Paused, triage lets the records pile up on one partition: it then takes them in one go.
        KafkaStreams triage = streams.getKafkaStreams();
        triage.pause();
        report(Reports.ransomware(first, "350100426", "Premier du lot"), 3);
        report(Reports.ransomware(repeated, "350100426", "Répété dans le lot"), 3);
        raw.send(new ProducerRecord<>(Topics.INCIDENT_REPORTED, 3, garbageKey, "not avro".getBytes(StandardCharsets.UTF_8))).get();
        report(Reports.ransomware(repeated, "350100426", "Répété dans le lot"), 3);
        report(Reports.ransomware(repeated, "350100426", "Changé dans le lot"), 3);
        report(Reports.ransomware(last, "2A0000018", "Dernier du lot"), 3);
        triage.resume();

        await().atMost(Duration.ofSeconds(30)).until(() -> verdictsOf(last).size() == 1);
        assertThat(verdictsOf(first)).hasSize(1);
        assertThat(verdictsOf(repeated)).hasSize(1);
        assertThat(verdictsOf(repeated).get(0).getReport().getIncident().getSummary()).isEqualTo("Répété dans le lot");
        List<ConsumerRecord<String, byte[]>> deadLetters = RawTopicReader.readToEnd(brokers(), DLT).stream()
                .filter(record -> record.key().equals(garbageKey) || record.key().equals(repeated.toString())).toList();
        assertThat(deadLetters).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(garbageKey, repeated.toString());
        assertThat(deadLetters).filteredOn(record -> record.key().equals(repeated.toString())).singleElement()
                .satisfies(record -> assertThat(new String(record.headers().lastHeader("kafka_dlt-exception-message").value(),
                        StandardCharsets.UTF_8)).contains("already triaged with different content"));
    }
}
