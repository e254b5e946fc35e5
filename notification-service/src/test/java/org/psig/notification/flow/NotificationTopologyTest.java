package org.psig.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.kafka.streams.LegacyMemory;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.ArsNotification;
import org.psig.schemas.Deadline;
import org.psig.schemas.Duty;
import org.psig.schemas.HfdsNotification;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Resolution;
import org.psig.schemas.RevisionKind;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.Topics;
import org.psig.testsupport.FakeRegistry;
import org.psig.testsupport.ReportFixtures;
import org.psig.testsupport.TopologyHarness;

/**
 * The notification topology on Kafka Streams' test driver: what each verdict is told and to whom,
 * what is remembered, what is skipped, and what is refused to the dead-letter topic.
 */
class NotificationTopologyTest {

    private static final String LEGACY_TOPIC = Topics.NOTIFIER_NOTIFIED_INCIDENTS;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeRegistry registry = new FakeRegistry();
    private final TopologyHarness topology = new TopologyHarness(registry, builder -> {
        LegacyMemory.add(builder, LEGACY_TOPIC);
        NotificationTopology.build(builder, new StreamsParts(registry.deserializer(), meters, ObservationRegistry.NOOP),
                registry.serializer());
    });

    @AfterEach
    void stop() {
        topology.close();
    }

    private void notify(IncidentTriaged triaged) {
        topology.pipe(Topics.INCIDENT_TRIAGED, triaged.getIncidentId().toString(), triaged);
    }

    /** What the notifications sent so far, in order, as the next hop reads them. */
    private List<TestRecord<String, Object>> sent(int count) {
        List<TestRecord<String, Object>> records = new ArrayList<>();
        for (String topic : outputs()) {
            records.addAll(topology.read(topic).stream().map(record -> new TestRecord<>(record.key(), record.value(),
                    withTopic(record.headers(), topic))).toList());
        }
        assertThat(records).hasSize(count);
        records.sort(java.util.Comparator.comparing(record -> topicOf(record).equals(Topics.NOTIFICATION_HFDS)));
        return records;
    }

    private static List<String> outputs() {
        List<String> topics = new ArrayList<>(Topics.allArsNotifications());
        topics.add(Topics.NOTIFICATION_UNROUTED);
        topics.add(Topics.NOTIFICATION_HFDS);
        return topics;
    }

    private static Headers withTopic(Headers headers, String topic) {
        headers.add("test-topic", topic.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String topicOf(TestRecord<String, Object> record) {
        return header(record, "test-topic");
    }

    private String remembered(IncidentTriaged triaged) {
        return topology.store(NotificationProcessor.STORE).get(triaged.getIncidentId().toString());
    }

    @Test
    void shouldNotifyTheArsOfTheRegionAndTheHfds() {
        notify(triaged("53"));

        List<TestRecord<String, Object>> records = sent(2);
        assertThat(records).extracting(NotificationTopologyTest::topicOf)
                .containsExactly("psig.notification.ars.53", "psig.notification.hfds");
        assertThat(records.get(0).value()).isInstanceOf(ArsNotification.class);
        assertThat(records.get(1).value()).isInstanceOf(HfdsNotification.class);
        assertThat(meters.counter("psig.notifications", "recipient", "ars-53", "severity", "CRITICAL").count()).isOne();
        assertThat(meters.counter("psig.notifications", "recipient", "hfds", "severity", "CRITICAL").count()).isOne();
    }

    @Test
    void shouldSendAReportNoArsCoversToTheUnroutedTopic() {
        notify(triaged(null));

        List<TestRecord<String, Object>> records = sent(2);
        assertThat(topicOf(records.get(0))).isEqualTo("psig.notification.unrouted");
        assertThat(header(records.get(0), "psig-region")).isEmpty();
    }

    @Test
    void shouldPutVerdictHeadersOnEveryNotification() {
        IncidentTriaged triaged = triaged("06");

        notify(triaged);

        assertThat(sent(2)).allSatisfy(record -> {
            assertThat(header(record, "psig-incident-id")).isEqualTo(triaged.getIncidentId().toString());
            assertThat(header(record, "psig-severity")).isEqualTo("CRITICAL");
            assertThat(header(record, "psig-maliciousness")).isEqualTo("MALICIOUS");
            assertThat(header(record, "psig-region")).isEqualTo("06");
            assertThat(record.key()).isEqualTo(triaged.getIncidentId().toString());
        });
    }

    /** Readers that print headers (./psig tail) show them in the contract's order. */
    @Test
    void shouldWriteTheHeadersInTheContractsOrder() {
        notify(triaged("53"));

        assertThat(sent(2)).allSatisfy(record -> assertThat(java.util.stream.StreamSupport
                .stream(record.headers().spliterator(), false).map(header -> header.key())
                .filter(key -> key.startsWith("psig-")).toList())
                .containsExactly("psig-incident-id", "psig-severity", "psig-maliciousness", "psig-region",
                        "psig-revision", "psig-kind", "psig-published-at"));
    }

    @Test
    void shouldRememberTheLastRevisionNotified() {
        IncidentTriaged triaged = triaged("53");

        notify(triaged);

        assertThat(remembered(triaged)).isEqualTo("1");
    }

    @ParameterizedTest(name = "revision {1} after {0} notified")
    @CsvSource({"1, 1", "3, 2", "3, 3"})
    void shouldSkipARevisionAlreadyNotified(String remembered, int revision) {
        IncidentTriaged triaged = revision(triaged("53"), revision, RevisionKind.UPDATE);
        topology.store(NotificationProcessor.STORE).put(triaged.getIncidentId().toString(), remembered);

        notify(triaged);

        sent(0);
        assertThat(remembered(triaged)).as("unchanged").isEqualTo(remembered);
        assertThat(meters.counter("psig.notification.duplicates").count()).isOne();
    }

    /** Upgraded from the release before: what its memory topic says was notified is not notified again. */
    @ParameterizedTest(name = "revision {1} after {0} notified by the release before")
    @CsvSource({"1, 1", "3, 2", "an-eventId-of-an-earlier-release, 1"})
    void shouldSkipARevisionTheReleaseBeforeNotified(String remembered, int revision) {
        IncidentTriaged triaged = revision(triaged("53"), revision, RevisionKind.UPDATE);
        topology.pipeRaw(LEGACY_TOPIC, triaged.getIncidentId().toString(), remembered.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());

        notify(triaged);

        sent(0);
        assertThat(meters.counter("psig.notification.duplicates").count()).isOne();
    }

    @Test
    void shouldNotifyTheRevisionAfterTheOneTheReleaseBeforeNotifiedAndRememberIt() {
        IncidentTriaged second = revision(triaged("53"), 2, RevisionKind.UPDATE);
        topology.pipeRaw(LEGACY_TOPIC, second.getIncidentId().toString(), "1".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());

        notify(second);

        sent(2);
        assertThat(remembered(second)).isEqualTo("2");
    }

    @Test
    void shouldNotifyTheNextRevisionWithItsKindAndRevisionHeaders() {
        IncidentTriaged closure = revision(triaged("53"), 4, RevisionKind.CLOSURE);
        topology.store(NotificationProcessor.STORE).put(closure.getIncidentId().toString(), "3");

        notify(closure);

        List<TestRecord<String, Object>> records = sent(2);
        assertThat(records).allSatisfy(record -> {
            assertThat(header(record, "psig-revision")).isEqualTo("4");
            assertThat(header(record, "psig-kind")).isEqualTo("CLOSURE");
            assertThat(Instant.parse(header(record, "psig-published-at"))).isNotNull();
        });
        ArsNotification ars = (ArsNotification) records.get(0).value();
        HfdsNotification hfds = (HfdsNotification) records.get(1).value();
        assertThat(ars.getRevision()).isEqualTo(4);
        assertThat(ars.getKind()).isEqualTo(RevisionKind.CLOSURE);
        assertThat(ars.getRevisionNote().getResolution().getRootCause()).isEqualTo("VPN account without MFA");
        assertThat(hfds.getKind()).isEqualTo(RevisionKind.CLOSURE);
        assertThat(hfds.getResolvedAt()).isEqualTo("2026-11-29T18:00:00+01:00");
        assertThat(remembered(closure)).isEqualTo("4");
    }

    @Test
    void shouldTellTheArsAndTheHfdsTheCampaignsOfAMember() {
        UUID campaign = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
        IncidentTriaged update = IncidentTriaged.newBuilder(revision(triaged("53"), 2, RevisionKind.UPDATE))
                .setCampaignIds(List.of(campaign)).build();
        topology.store(NotificationProcessor.STORE).put(update.getIncidentId().toString(), "1");

        notify(update);

        assertThat(sent(2)).extracting(record -> record.value() instanceof ArsNotification ars
                ? ars.getVerdict().getCampaignIds() : ((HfdsNotification) record.value()).getVerdict().getCampaignIds())
                .containsExactly(List.of(campaign), List.of(campaign));
    }

    /** The HFDS copy carries no free text of the declarant's: no note, root cause or measures. */
    @Test
    void shouldKeepTheDeclarantsFreeTextOutOfTheHfdsCopy() {
        IncidentTriaged closure = revision(triaged("53"), 2, RevisionKind.CLOSURE);

        HfdsNotification hfds = Notifications.forHfds(closure, Instant.parse("2026-11-29T18:05:00Z"));

        assertThat(hfds.toString()).doesNotContain("Restored from backups").doesNotContain("VPN account without MFA")
                .doesNotContain("MFA everywhere");
        assertThat(HfdsNotification.getClassSchema().getFields()).extracting(f -> f.name())
                .doesNotContain("revisionNote", "note", "rootCause", "measures");
    }

    @Test
    void shouldDeadLetterARegionNoArsHasRatherThanInventATopic() {
        IncidentTriaged unknownRegion = triaged("99");

        notify(unknownRegion);

        sent(0);
        assertThat(topology.readRaw(Topics.deadLetters(Topics.INCIDENT_TRIAGED))).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(unknownRegion.getIncidentId().toString());
            assertThat(letter.value()).as("the verdict as it was").isEqualTo(registry.write(unknownRegion));
            assertThat(rawHeader(letter, "kafka_dlt-exception-message")).contains("'99'");
            assertThat(rawHeader(letter, "kafka_dlt-original-topic")).isEqualTo(Topics.INCIDENT_TRIAGED);
        });
        assertThat(remembered(unknownRegion)).as("nothing remembered of a refused verdict").isNull();
    }

    @Test
    void shouldDeadLetterAValueThatIsNoVerdictAndGoOnWithTheNext() {
        IncidentTriaged next = triaged("53");

        topology.pipeRaw(Topics.INCIDENT_TRIAGED, "not-avro", "{\"json\": true}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());
        topology.pipe(Topics.INCIDENT_TRIAGED, "a-report", ReportFixtures.ransomware("KER-1", "350100426", "not a verdict"));
        notify(next);

        assertThat(topology.readRaw(Topics.deadLetters(Topics.INCIDENT_TRIAGED))).extracting(TestRecord::key)
                .containsExactly("not-avro", "a-report");
        sent(2);
    }

    /** The registry away while the schema cache is cold: retried (the thread fails and is replaced), never refused. */
    @Test
    void shouldNotDeadLetterAVerdictWhileTheRegistryIsAway() {
        IncidentTriaged triaged = triaged("53");
        registry.down();

        assertThatThrownBy(() -> notify(triaged)).hasRootCauseInstanceOf(java.net.ConnectException.class);

        assertThat(topology.readRaw(Topics.deadLetters(Topics.INCIDENT_TRIAGED))).isEmpty();
        sent(0);
        registry.up();
        notify(triaged);
        sent(2);
    }

    @Test
    void shouldGiveTheArsTheDeclarantContactAndTheHfdsNoPersonalData() {
        IncidentTriaged triaged = triaged("53");
        Instant now = Instant.parse("2026-11-27T06:50:00Z");

        ArsNotification ars = Notifications.forArs(triaged, now);
        HfdsNotification hfds = Notifications.forHfds(triaged, now);

        assertThat(ars.getDeclarant().getEmail()).isEqualTo("rssi@example.org");
        assertThat(HfdsNotification.getClassSchema().getFields()).extracting(f -> f.name())
                .doesNotContain("declarant", "email", "phone", "declarantName");
        assertThat(hfds.toString()).doesNotContain("rssi@example.org").doesNotContain("Jeanne Martin");
        assertThat(ars.getVerdict()).isEqualTo(hfds.getVerdict());
        assertThat(hfds.getVerdict().getArsRegionCode()).isEqualTo("53");
        assertThat(hfds.getVerdict().getSeverity()).isEqualTo(triaged.getSeverity());
        assertThat(hfds.getVerdict().getReasons()).isEqualTo(triaged.getReasons());
        assertThat(hfds.getVerdict().getTlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(hfds.getVerdict().getRsitType()).isEqualTo("unauthorised-information-modification");
        assertThat(hfds.getVerdict().getDeadlines()).isEqualTo(triaged.getDeadlines()).hasSize(1);
        assertThat(hfds.getPublishedAt()).isEqualTo(now);
        assertThat(hfds.getReceivedAt()).isEqualTo(triaged.getReceivedAt());
        assertThat(hfds.getDetectedAt()).isEqualTo("2026-11-27T06:40:00+01:00");
    }

    private static String header(TestRecord<String, Object> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String rawHeader(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static IncidentTriaged revision(IncidentTriaged triaged, int revision, RevisionKind kind) {
        return IncidentTriaged.newBuilder(triaged).setRevision(revision).setKind(kind)
                .setRevisionNote(new RevisionNote("Restored from backups", kind == RevisionKind.CLOSURE
                        ? new Resolution("2026-11-29T18:00:00+01:00", "VPN account without MFA", "MFA everywhere") : null))
                .build();
    }

    static IncidentTriaged triaged(String region) {
        IncidentReport report = ReportFixtures.ransomware("KER-2026-0042", "350100426", "Rançongiciel");
        return IncidentTriaged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-11-27T06:45:01Z"))
                .setIncidentId(UUID.randomUUID())
                .setReceivedAt(Instant.parse("2026-11-27T06:45:00Z"))
                .setArsRegionCode(region)
                .setLegalQualification(LegalQualification.SIGNIFICATIF)
                .setMaliciousness(Maliciousness.MALICIOUS)
                .setSeverity(Severity.CRITICAL)
                .setRsitClass("information-content-security")
                .setRsitType("unauthorised-information-modification")
                .setTlp(Tlp.AMBER_STRICT)
                .setDeadlines(List.of(new Deadline(Duty.ANSSI_NOTIFICATION, Instant.parse("2026-11-27T05:40:00Z"))))
                .setReasons(List.of("Severity CRITICAL: the establishment's functioning is interrupted."))
                .setRulesetVersion("test")
                .setReport(report)
                .build();
    }
}
