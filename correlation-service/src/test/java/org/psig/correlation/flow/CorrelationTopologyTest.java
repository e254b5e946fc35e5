package org.psig.correlation.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psig.correlation.rules.Correlation;
import org.psig.correlation.rules.CorrelationRules;
import org.psig.correlation.rules.GrowthSteps;
import org.psig.schemas.Campaign;
import org.psig.schemas.CampaignAlert;
import org.psig.schemas.CampaignEvent;
import org.psig.schemas.CampaignMember;
import org.psig.schemas.CampaignState;
import org.psig.schemas.Deadline;
import org.psig.schemas.Duty;
import org.psig.schemas.Establishment;
import org.psig.schemas.EstablishmentType;
import org.psig.schemas.IncidentDetails;
import org.psig.schemas.IncidentCategory;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.Topics;
import org.psig.testsupport.ReportFixtures;

/**
 * The topology end to end on the test driver: verdicts in, the campaign record and its alerts out,
 * through the repartition and the store; closing by the wall-clock punctuation.
 */
class CorrelationTopologyTest {

    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");
    private static final List<String> DEPARTEMENTS = List.of("75", "69", "13");
    private static final List<String> REGIONS = List.of("11", "84", "93");

    private final List<String> counted = new ArrayList<>();
    private final TopologyTestDriver driver = driver();
    private final TestInputTopic<String, SpecificRecord> triaged = driver.createInputTopic(Topics.INCIDENT_TRIAGED,
            new StringSerializer(), new PlainAvroSerde().serializer(), START, Duration.ofSeconds(1));
    private final TestOutputTopic<String, SpecificRecord> campaigns = driver.createOutputTopic(Topics.INCIDENT_CAMPAIGNS,
            new StringDeserializer(), new PlainAvroSerde().deserializer());
    private final TestOutputTopic<String, SpecificRecord> alerts = driver.createOutputTopic(Topics.NOTIFICATION_CAMPAIGNS,
            new StringDeserializer(), new PlainAvroSerde().deserializer());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldPublishOneCampaignOfFortyAndItsAlertsAtTheGrowthStepsThenCloseIt() {
        List<IncidentTriaged> outage = IntStream.range(0, 40).mapToObj(i -> outage(i, i * 3)).toList();
        List<IncidentTriaged> unrelated = IntStream.range(0, 10).mapToObj(i -> unrelated(100 + i, i)).toList();
        for (int i = 0; i < 40; i++) {
            triaged.pipeInput(outage.get(i).getIncidentId().toString(), outage.get(i));
            if (i % 4 == 0) {
                triaged.pipeInput(unrelated.get(i / 4).getIncidentId().toString(), unrelated.get(i / 4));
            }
        }

        List<CampaignAlert> raised = values(alerts, CampaignAlert.class);
        assertThat(raised).extracting(alert -> alert.getEvent() + " " + alert.getStep())
                .containsExactly("OPENED 3", "GREW 5", "GREW 10", "GREW 20");
        assertThat(raised).extracting(alert -> alert.getCampaign().getCampaignId()).containsOnly(
                raised.get(0).getCampaign().getCampaignId());
        assertThat(raised).extracting(CampaignAlert::getEventId).doesNotHaveDuplicates();
        assertThat(counted).containsExactly("OPENED", "GREW", "GREW", "GREW");

        Map<String, Campaign> latest = values(campaigns, Campaign.class).stream()
                .collect(Collectors.toMap(campaign -> campaign.getCampaignId().toString(), c -> c, (a, b) -> b));
        assertThat(latest).hasSize(1);
        Campaign campaign = latest.values().iterator().next();
        assertThat(campaign.getMembers()).extracting(CampaignMember::getIncidentId)
                .containsExactlyInAnyOrderElementsOf(outage.stream().map(IncidentTriaged::getIncidentId).toList());
        assertThat(campaign.getRule()).isEqualTo("provider-outage");
        assertThat(campaign.getArsRegionCodes()).containsExactly("11", "84", "93");
        assertThat(campaign.getState()).isEqualTo(CampaignState.OPEN);

        driver.advanceWallClockTime(Duration.ofDays(3));

        assertThat(values(alerts, CampaignAlert.class)).extracting(alert -> alert.getEvent() + " " + alert.getStep())
                .containsExactly("CLOSED 40");
        assertThat(values(campaigns, Campaign.class)).singleElement()
                .satisfies(closed -> assertThat(closed.getState()).isEqualTo(CampaignState.CLOSED))
                .satisfies(closed -> assertThat(closed.getMembers()).hasSize(40));
    }

    @Test
    void shouldCarryNoDeclarantInAnAlert() {
        for (int i = 0; i < 3; i++) {
            triaged.pipeInput(outage(i, i).getIncidentId().toString(), outage(i, i));
        }

        String alert = values(alerts, CampaignAlert.class).get(0).toString();

        assertThat(alert).contains("EHPAD").doesNotContain("Jeanne Martin", "rssi@example.org", "+33 1 00 00 00 00");
        assertThat(CampaignAlert.getClassSchema().toString()).doesNotContain("Declarant");
    }

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        CorrelationTopology.build(builder, new Correlation(CorrelationRules.DEFAULTS, GrowthSteps.DEFAULTS),
                Duration.ofMinutes(1), new PlainAvroSerde(), change -> counted.add(change.alert().event().name()));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "correlation-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return new TopologyTestDriver(builder.build(), config, START);
    }

    private static <T> List<T> values(TestOutputTopic<String, SpecificRecord> topic, Class<T> type) {
        return topic.readValuesToList().stream().map(type::cast).toList();
    }

    /** EHPAD number {@code n} of the story, in one of three regions, reporting the host's failure. */
    private static IncidentTriaged outage(int n, int minutesAfterStart) {
        return verdict(n, DEPARTEMENTS.get(n % 3), REGIONS.get(n % 3), minutesAfterStart, IncidentCategory.PROVIDER_FAILURE,
                n % 2 == 0 ? "Hébergeur SIL" : "HEBERGEUR SIL SAS", Maliciousness.NON_MALICIOUS);
    }

    /** Unrelated reports: ransomware in ten different regions and places. */
    private static IncidentTriaged unrelated(int n, int i) {
        List<String> regions = List.of("01", "02", "03", "04", "06", "24", "27", "28", "32", "44");
        return verdict(n, "97", regions.get(i), i * 7, IncidentCategory.RANSOMWARE, null, Maliciousness.MALICIOUS);
    }

    private static IncidentTriaged verdict(int n, String departement, String region, int minutesAfterStart,
                                           IncidentCategory category, String provider, Maliciousness maliciousness) {
        IncidentReport ransomware = ReportFixtures.ransomware("REF-" + n, departement + String.format("%07d", n), "Panne");
        IncidentReport report = IncidentReport.newBuilder(ransomware)
                .setEstablishment(Establishment.newBuilder(ransomware.getEstablishment()).setName("EHPAD n°" + n)
                        .setType(EstablishmentType.ESMS).build())
                .setIncident(IncidentDetails.newBuilder(ransomware.getIncident()).setCategory(category).setProvider(provider)
                        .setDetectedAt(START.plus(Duration.ofMinutes(minutesAfterStart)).atOffset(ZoneOffset.ofHours(1)).toString())
                        .build())
                .build();
        return IncidentTriaged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(START)
                .setIncidentId(UUID.nameUUIDFromBytes(("story-" + n).getBytes()))
                .setReceivedAt(START)
                .setArsRegionCode(region)
                .setLegalQualification(LegalQualification.SIGNIFICATIF)
                .setMaliciousness(maliciousness)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setDeadlines(List.of(new Deadline(Duty.ANSSI_NOTIFICATION, START)))
                .setReasons(List.of("test"))
                .setRulesetVersion("test")
                .setReport(report)
                .build();
    }
}
