package org.psig.triage.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.kafka.PoisonRecordException;
import org.psig.schemas.Campaign;
import org.psig.schemas.Duty;
import org.psig.schemas.Impacts;
import org.psig.schemas.IncidentReport;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.Resolution;
import org.psig.schemas.RevisionKind;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.VerdictChange;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriageParameters;
import org.psig.triage.rules.TriagePolicy;

/** Triage of each revision of a report, fed directly: order, repeats, what changed, late deadlines, warnings. */
class RevisionTriageTest {

    private static final UUID INCIDENT = UUID.fromString("f9a9222a-45fe-3d58-96b8-58839206790b");
    private static final Instant SECOND_RECEIVED = Instant.parse("2026-11-28T09:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RevisionTriage revisions = new RevisionTriage(
            new TriagePolicy(ArsDirectory.fromClasspath(), TriageParameters.DEFAULTS), meters, Clock.systemUTC());
    private final Map<String, String> memory = new HashMap<>();
    private final Map<String, String> campaigns = new HashMap<>();

    /** Triages one record as the processor does, and remembers what it decided. */
    private IncidentTriaged triage(IncidentReported reported) {
        String incidentId = reported.getIncidentId().toString();
        Optional<RevisionTriage.Triaged> triaged = revisions.triage(reported,
                Optional.ofNullable(memory.get(incidentId)).map(TriagedSoFar::decode),
                CampaignMembers.of(campaigns.get(incidentId)));
        triaged.ifPresent(decided -> memory.put(incidentId, decided.remembered().encode()));
        return triaged.map(RevisionTriage.Triaged::verdict).orElse(null);
    }

    private void join(Campaign campaign) {
        CampaignMembers.pairs(campaign).forEach(pair -> campaigns.merge(pair.key, pair.value, CampaignMembers::with));
    }

    private static IncidentReported initial() {
        IncidentReported reported = Reports.ransomware(INCIDENT, "350100426", "Rançongiciel");
        return IncidentReported.newBuilder(reported).setWarnings(List.of("/establishment/finessEj: check digit")).build();
    }

    /** Revision 2: a personal-data breach discovered, received a day after detection. */
    private static IncidentReported breachFound(IncidentReported previous) {
        IncidentReport report = previous.getReport();
        Impacts impacts = Impacts.newBuilder(report.getImpacts()).setPersonalDataBreach(true).build();
        return IncidentReported.newBuilder(previous).setEventId(UUID.randomUUID()).setRevision(2)
                .setReceivedAt(SECOND_RECEIVED).setContentFingerprint("revision-2")
                .setReport(IncidentReport.newBuilder(report).setImpacts(impacts).build())
                .setRevisionNote(new RevisionNote("Patient data were exfiltrated.", null)).build();
    }

    private static IncidentReported closure(IncidentReported previous, int revision) {
        return IncidentReported.newBuilder(previous).setEventId(UUID.randomUUID()).setRevision(revision)
                .setContentFingerprint("revision-" + revision)
                .setRevisionNote(new RevisionNote("Restored.", new Resolution("2026-11-29T18:00:00+01:00", "VPN", "MFA")))
                .build();
    }

    @Test
    void shouldNameTheCampaignsOfAMemberOnItsLaterVerdictsOnly() {
        UUID outage = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
        UUID other = UUID.randomUUID();
        IncidentReported first = initial();
        IncidentTriaged firstVerdict = triage(first);
        join(Reports.campaign(outage, INCIDENT, other));

        IncidentTriaged second = triage(Reports.followUp(first));

        assertThat(firstVerdict.getCampaignIds()).as("campaigns form from verdicts: the first belongs to none").isEmpty();
        assertThat(second.getCampaignIds()).containsExactly(outage);
        assertThat(second.getChanges()).as("a campaign is not a change of the verdict").isEmpty();
    }

    @Test
    void shouldNameNoCampaignOnTheLaterVerdictOfAnIncidentInNone() {
        join(Reports.campaign(UUID.randomUUID(), UUID.randomUUID()));
        IncidentReported first = initial();
        triage(first);

        assertThat(triage(Reports.followUp(first)).getCampaignIds()).isEmpty();
    }

    @Test
    void shouldTriageTheInitialReportAsRevisionOneWithItsWarnings() {
        IncidentTriaged verdict = triage(initial());

        assertThat(verdict.getRevision()).isEqualTo(1);
        assertThat(verdict.getKind()).isEqualTo(RevisionKind.INITIAL);
        assertThat(verdict.getChanges()).isEmpty();
        assertThat(verdict.getWarnings()).containsExactly("/establishment/finessEj: check digit");
    }

    @Test
    void shouldListWhatARevisionChangedAndStartALateDeadlineFromItsReceipt() {
        IncidentReported first = initial();
        triage(first);

        IncidentTriaged second = triage(breachFound(first));

        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(second.getKind()).isEqualTo(RevisionKind.UPDATE);
        assertThat(second.getRevisionNote().getNote()).isEqualTo("Patient data were exfiltrated.");
        assertThat(second.getChanges()).extracting(VerdictChange::getField).contains("deadlines");
        assertThat(second.getChanges()).filteredOn(change -> change.getField().equals("deadlines")).singleElement()
                .satisfies(change -> assertThat(change.getCurrent()).contains("CNIL_NOTIFICATION by 2026-12-01T09:00:00Z"));
        assertThat(second.getDeadlines()).filteredOn(deadline -> deadline.getDuty() == Duty.CNIL_NOTIFICATION)
                .singleElement().satisfies(deadline ->
                        assertThat(deadline.getDueAt()).isEqualTo(SECOND_RECEIVED.plus(Duration.ofHours(72))));
        assertThat(second.getReasons()).anySatisfy(reason -> assertThat(reason).contains("after revision 2 was received"));
    }

    @Test
    void shouldMarkTheRevisionWithAResolutionAsTheClosure() {
        IncidentReported first = initial();
        triage(first);
        IncidentReported second = breachFound(first);
        triage(second);

        IncidentTriaged closure = triage(closure(second, 3));

        assertThat(closure.getKind()).isEqualTo(RevisionKind.CLOSURE);
        assertThat(closure.getRevisionNote().getResolution().getRootCause()).isEqualTo("VPN");
        assertThat(closure.getDeadlines()).filteredOn(deadline -> deadline.getDuty() == Duty.CNIL_NOTIFICATION)
                .singleElement().satisfies(deadline -> assertThat(deadline.getDueAt())
                        .as("the clock that started with revision 2 keeps running")
                        .isEqualTo(SECOND_RECEIVED.plus(Duration.ofHours(72))));
    }

    /** Revision 2 before the report itself, and revision 3 right after the report. */
    @ParameterizedTest(name = "revision {0}")
    @CsvSource({"2", "3"})
    void shouldRefuseARevisionThatArrivesBeforeTheOneItFollows(int revision) {
        IncidentReported first = initial();
        if (revision == 3) {
            triage(first);
        }

        IncidentReported early = closure(breachFound(first), revision);

        assertThatThrownBy(() -> triage(early))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("cannot be triaged out of order");
    }

    @Test
    void shouldSkipARevisionAlreadyTriagedAndAnOlderOneSeenAgain() {
        IncidentReported first = initial();
        triage(first);
        IncidentReported second = breachFound(first);
        triage(second);

        assertThat(triage(second)).isNull();
        assertThat(triage(first)).isNull();
        assertThat(meters.counter("psig.triage.duplicates").count()).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterTheSameRevisionWithOtherContent() {
        IncidentReported first = initial();
        triage(first);
        triage(breachFound(first));

        IncidentReported rival = IncidentReported.newBuilder(breachFound(first)).setContentFingerprint("another").build();

        assertThatThrownBy(() -> triage(rival)).isInstanceOf(PoisonRecordException.class)
                .hasMessageContaining("already triaged with different content");
    }

    @Test
    void shouldReadAMemoryEntryOfAnEarlierReleaseAsRevisionOne() {
        memory.put(INCIDENT.toString(), "fingerprint-of-Rançongiciel");

        assertThat(triage(initial())).as("the same report again").isNull();
        IncidentTriaged second = triage(breachFound(initial()));

        assertThat(second.getRevision()).isEqualTo(2);
        assertThat(TriagedSoFar.decode(memory.get(INCIDENT.toString())).revision()).isEqualTo(2);
    }
}
