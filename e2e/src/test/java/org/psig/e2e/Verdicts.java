package org.psig.e2e;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Topics;
import org.psig.schemas.WireFormat;
import org.psig.testsupport.RegistryServer;
import org.psig.testsupport.ReportFixtures;

/** Reports and verdicts as intake and triage would publish them, for tests that feed one service directly. */
final class Verdicts {

    private Verdicts() {
    }

    static IncidentTriaged verdict(UUID incidentId, String region) {
        return IncidentTriaged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setIncidentId(incidentId)
                .setReceivedAt(Instant.now())
                .setArsRegionCode(region)
                .setLegalQualification(LegalQualification.GRAVE)
                .setMaliciousness(Maliciousness.MALICIOUS)
                .setSeverity(Severity.HIGH)
                .setReasons(List.of("Test verdict."))
                .setRulesetVersion("test")
                .setReport(ReportFixtures.ransomware("TEST-" + incidentId, "350100426", "Test"))
                .build();
    }

    /** A producer of Avro values in the pipeline's wire format, registering schemas as needed. */
    static KafkaProducer<String, Object> producer(String brokers) {
        Map<String, Object> config = new HashMap<>(WireFormat.serdeConfig(RegistryServer.shared().url()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put("apicurio.registry.auto-register", true);
        AvroKafkaSerializer<Object> serializer = new AvroKafkaSerializer<>();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }

    /** Triage creates psig.incident.triaged in the real stack; here the notification service runs alone. */
    static void createTheVerdictsTopic(String brokers) throws Exception {
        createTopic(brokers, Topics.INCIDENT_TRIAGED);
    }

    /** The topic the service under test reads, which the stage before it would create in the real stack. */
    static void createTopic(String brokers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
            }
        }
    }

    /** A report as the intake would have written it. */
    /** A revision of the report, each with its own content, as the intake writes a follow-up. */
    static IncidentReported reported(UUID incidentId, int revision) {
        IncidentReported report = reported(incidentId);
        return revision == 1 ? report : IncidentReported.newBuilder(report).setRevision(revision)
                .setContentFingerprint("fingerprint-" + incidentId + "-" + revision)
                .setRevisionNote(new RevisionNote("Follow-up " + revision, null)).build();
    }

    static IncidentReported reported(UUID incidentId) {
        return IncidentReported.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setIncidentId(incidentId)
                .setReceivedAt(Instant.now())
                .setContentFingerprint("fingerprint-" + incidentId)
                .setReport(ReportFixtures.ransomware("TEST-" + incidentId, "350100426", "Test"))
                .build();
    }
}
