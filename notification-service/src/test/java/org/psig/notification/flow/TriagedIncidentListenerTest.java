package org.psig.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.kafka.PoisonRecordException;
import org.psig.kafka.RecordHandler;
import org.psig.kafka.RecordOutput;
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
import org.psig.testsupport.ReportFixtures;

class TriagedIncidentListenerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TriagedIncidentListener listener = new TriagedIncidentListener(null, null, meters);
    private final RecordOutput out = new RecordOutput();
    private RecordHandler.Memory memory = incidentId -> Optional.empty();

    /** Decides one verdict, then plays the commit, as BatchTransactions does once the batch commits. */
    private void notify(IncidentTriaged triaged) {
        listener.notify(triaged, memory, out);
        out.afterCommitActions().forEach(Runnable::run);
    }

    private List<ProducerRecord<Object, Object>> sent(int count) {
        assertThat(out.records()).hasSize(count);
        return out.records();
    }

    @Test
    void shouldNotifyTheArsOfTheRegionAndTheHfds() {
        notify(triaged("53"));

        List<ProducerRecord<Object, Object>> records = sent(2);
        assertThat(records).extracting(ProducerRecord::topic)
                .containsExactly("psig.notification.ars.53", "psig.notification.hfds");
        assertThat(records.get(0).value()).isInstanceOf(ArsNotification.class);
        assertThat(records.get(1).value()).isInstanceOf(HfdsNotification.class);
        assertThat(meters.counter("psig.notifications", "recipient", "ars-53", "severity", "CRITICAL").count()).isOne();
        assertThat(meters.counter("psig.notifications", "recipient", "hfds", "severity", "CRITICAL").count()).isOne();
    }

    @Test
    void shouldSendAReportNoArsCoversToTheUnroutedTopic() {
        notify(triaged(null));

        List<ProducerRecord<Object, Object>> records = sent(2);
        assertThat(records.get(0).topic()).isEqualTo("psig.notification.unrouted");
        assertThat(new String(records.get(0).headers().lastHeader("psig-region").value(), StandardCharsets.UTF_8)).isEmpty();
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

    @Test
    void shouldRememberTheLastRevisionNotified() {
        IncidentTriaged triaged = triaged("53");

        notify(triaged);

        assertThat(out.remembered()).containsExactly(Map.entry(triaged.getIncidentId().toString(), "1"));
    }

    @ParameterizedTest(name = "revision {1} after {0} notified")
    @CsvSource({"1, 1", "3, 2", "3, 3", "an-eventId-of-an-earlier-release, 1"})
    void shouldSkipARevisionAlreadyNotified(String remembered, int revision) {
        IncidentTriaged triaged = revision(triaged("53"), revision, RevisionKind.UPDATE);
        memory = incidentId -> incidentId.equals(triaged.getIncidentId().toString())
                ? Optional.of(remembered) : Optional.empty();

        notify(triaged);

        assertThat(out.records()).isEmpty();
        assertThat(out.remembered()).isEmpty();
        assertThat(meters.counter("psig.notification.duplicates").count()).isOne();
    }

    @Test
    void shouldNotifyTheNextRevisionWithItsKindAndRevisionHeaders() {
        IncidentTriaged closure = revision(triaged("53"), 4, RevisionKind.CLOSURE);
        memory = incidentId -> Optional.of("3");

        notify(closure);

        assertThat(sent(2)).allSatisfy(record -> {
            assertThat(header(record, "psig-revision")).isEqualTo("4");
            assertThat(header(record, "psig-kind")).isEqualTo("CLOSURE");
            assertThat(Instant.parse(header(record, "psig-published-at"))).isNotNull();
        });
        ArsNotification ars = (ArsNotification) out.records().get(0).value();
        HfdsNotification hfds = (HfdsNotification) out.records().get(1).value();
        assertThat(ars.getRevision()).isEqualTo(4);
        assertThat(ars.getKind()).isEqualTo(RevisionKind.CLOSURE);
        assertThat(ars.getRevisionNote().getResolution().getRootCause()).isEqualTo("VPN account without MFA");
        assertThat(hfds.getKind()).isEqualTo(RevisionKind.CLOSURE);
        assertThat(hfds.getResolvedAt()).isEqualTo("2026-11-29T18:00:00+01:00");
        assertThat(out.remembered()).containsEntry(closure.getIncidentId().toString(), "4");
    }

    @Test
    void shouldTellTheArsAndTheHfdsTheCampaignsOfAMember() {
        UUID campaign = UUID.fromString("5f79be01-e331-3e6e-8457-755f84909f6d");
        IncidentTriaged update = IncidentTriaged.newBuilder(revision(triaged("53"), 2, RevisionKind.UPDATE))
                .setCampaignIds(List.of(campaign)).build();
        memory = incidentId -> Optional.of("1");

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
    void shouldRefuseARegionNoArsHasRatherThanInventATopic() {
        assertThatThrownBy(() -> notify(triaged("99")))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining("'99'");
        assertThat(out.records()).isEmpty();
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

    private static String header(ProducerRecord<Object, Object> record, String name) {
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
