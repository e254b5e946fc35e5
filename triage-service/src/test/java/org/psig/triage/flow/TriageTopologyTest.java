package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psig.kafka.streams.LegacyMemory;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Topics;
import org.psig.testsupport.FakeRegistry;
import org.psig.testsupport.TopologyHarness;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriageParameters;
import org.psig.triage.rules.TriagePolicy;

/**
 * The triage topology on Kafka Streams' test driver: verdicts and their headers, what is remembered,
 * refusals as dead letters beside the verdicts, the campaigns a later verdict names, the memory of
 * the release before, and a registry outage retried rather than refused.
 */
class TriageTopologyTest {

    private static final String DLT = Topics.deadLetters(Topics.INCIDENT_REPORTED);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FakeRegistry registry = new FakeRegistry();
    private final TopologyHarness topology = new TopologyHarness(registry, builder -> {
        LegacyMemory.add(builder, Topics.TRIAGE_SEEN_INCIDENTS);
        TriageTopology.build(builder, new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS),
                new StreamsParts(registry.deserializer(), meters, ObservationRegistry.NOOP), registry.serializer());
    });
    private final UUID incident = UUID.randomUUID();
    private final IncidentReported first = Reports.ransomware(incident, "350100426", "Rançongiciel");

    @AfterEach
    void stop() {
        topology.close();
    }

    private void report(IncidentReported reported) {
        topology.pipe(Topics.INCIDENT_REPORTED, reported.getIncidentId().toString(), reported);
    }

    private List<IncidentTriaged> verdicts() {
        return topology.read(Topics.INCIDENT_TRIAGED).stream().map(record -> (IncidentTriaged) record.value()).toList();
    }

    @Test
    void shouldPublishTheVerdictWithItsSummaryInHeadersAndRememberTheRevision() {
        report(first);

        List<TestRecord<String, Object>> records = topology.read(Topics.INCIDENT_TRIAGED);
        assertThat(records).singleElement().satisfies(record -> {
            IncidentTriaged verdict = (IncidentTriaged) record.value();
            assertThat(record.key()).isEqualTo(incident.toString());
            assertThat(header(record, "psig-revision")).isEqualTo("1");
            assertThat(header(record, "psig-region")).isEqualTo("53");
            assertThat(header(record, "psig-severity")).as("the header and the value agree")
                    .isEqualTo(verdict.getSeverity().name());
            assertThat(header(record, "psig-legal-qualification")).isEqualTo(verdict.getLegalQualification().name());
        });
        assertThat(TriagedSoFar.decode(topology.store(TriageProcessor.STORE).get(incident.toString())).revision())
                .isEqualTo(1);
    }

    @Test
    void shouldSkipARepeatAndDeadLetterTheSameRevisionWithOtherContentAndARevisionOutOfOrder() {
        report(first);
        report(first);
        report(IncidentReported.newBuilder(first).setContentFingerprint("another").build());
        IncidentReported third = Reports.followUp(Reports.followUp(first));
        report(third);

        assertThat(verdicts()).hasSize(1);
        assertThat(topology.readRaw(DLT)).extracting(letter -> header(letter, "kafka_dlt-exception-message"))
                .satisfiesExactly(
                        message -> assertThat(message).contains("already triaged with different content"),
                        message -> assertThat(message).contains("cannot be triaged out of order"));
        assertThat(meters.counter("psig.triage.duplicates").count()).isOne();
        assertThat(meters.counter("psig.triage.conflicts").count()).isEqualTo(2);

        report(Reports.followUp(first));
        assertThat(verdicts()).as("refusals leave the memory as it was").extracting(IncidentTriaged::getRevision)
                .containsExactly(2);
    }

    @Test
    void shouldNameOnALaterVerdictTheCampaignItsIncidentJoined() {
        UUID outage = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
        report(first);
        topology.pipe(Topics.INCIDENT_CAMPAIGNS, outage.toString(), Reports.campaign(outage, incident, UUID.randomUUID()));
        topology.pipeRaw(Topics.INCIDENT_CAMPAIGNS, "not-a-campaign", "garbage".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());

        report(Reports.followUp(first));

        assertThat(verdicts()).extracting(IncidentTriaged::getCampaignIds)
                .containsExactly(List.of(), List.of(outage));
    }

    @Test
    void shouldTakeTheNextRevisionOfAnIncidentTheReleaseBeforeTriagedInOrder() {
        topology.pipeRaw(Topics.TRIAGE_SEEN_INCIDENTS, incident.toString(),
                first.getContentFingerprint().getBytes(StandardCharsets.UTF_8), new RecordHeaders());

        report(first);
        report(Reports.followUp(first));

        assertThat(verdicts()).as("the report it triaged is not triaged again").extracting(IncidentTriaged::getRevision)
                .containsExactly(2);
        assertThat(topology.readRaw(DLT)).isEmpty();
    }

    @Test
    void shouldDeadLetterWhatIsNoReportAndGoOn() {
        topology.pipeRaw(Topics.INCIDENT_REPORTED, "json", "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders());
        topology.pipeRaw(Topics.INCIDENT_REPORTED, "empty", null, new RecordHeaders());
        topology.pipe(Topics.INCIDENT_REPORTED, "a-campaign", Reports.campaign(UUID.randomUUID(), incident));
        report(first);

        assertThat(topology.readRaw(DLT)).extracting(TestRecord::key).containsExactly("json", "empty", "a-campaign");
        assertThat(verdicts()).hasSize(1);
    }

    @Test
    void shouldRetryRatherThanRefuseAReportWhileTheRegistryIsAway() {
        registry.down();

        assertThatThrownBy(() -> report(first)).hasRootCauseInstanceOf(ConnectException.class);

        assertThat(topology.readRaw(DLT)).isEmpty();
        assertThat(verdicts()).isEmpty();
        registry.up();
        report(first);
        assertThat(verdicts()).hasSize(1);
    }

    private static String header(TestRecord<String, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
