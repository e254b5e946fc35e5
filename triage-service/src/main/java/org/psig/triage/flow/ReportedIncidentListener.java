package org.psig.triage.flow;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.psig.kafka.BatchTransactions;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.PoisonRecordException;
import org.psig.kafka.RecordHandler;
import org.psig.kafka.RecordOutput;
import org.psig.schemas.Deadline;
import org.psig.schemas.Duty;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.RevisionKind;
import org.psig.schemas.RevisionNote;
import org.psig.schemas.Topics;
import org.psig.schemas.VerdictChange;
import org.psig.schemas.VerdictHeaders;
import org.psig.triage.rules.Revision;
import org.psig.triage.rules.TriagePolicy;
import org.psig.triage.rules.Verdict;
import org.psig.triage.rules.VerdictChanges;
import org.psig.triage.rules.VerdictChanges.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consume-triage-produce, one Kafka transaction per poll batch: the verdicts, the memory of the
 * incidents and the consumed offsets commit together or not at all. Each revision of a report is
 * triaged in turn on the whole report as revised; a revision triage refuses (changed content under
 * a revision already triaged, a revision out of order) goes to the dead-letter topic alone.
 */
@Component
class ReportedIncidentListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ReportedIncidentListener.class);
    /**
     * The longest a later revision waits, after triage starts, for the campaigns topic to be read:
     * notifying the ARS matters more than naming the campaign.
     */
    private static final Duration CAMPAIGNS_CATCH_UP = Duration.ofSeconds(10);

    private final TriagePolicy policy;
    private final IncidentMemory seen;
    private final BatchTransactions batches;
    private final MeterRegistry meters;
    private final CampaignMemberships campaigns;
    private final Clock clock;

    ReportedIncidentListener(TriagePolicy policy, IncidentMemory seen, BatchTransactions batches, MeterRegistry meters,
                             CampaignMemberships campaigns) {
        this.policy = policy;
        this.seen = seen;
        this.batches = batches;
        this.meters = meters;
        this.campaigns = campaigns;
        this.clock = Clock.systemUTC();
    }

    @KafkaListener(id = "triage", idIsGroup = false, topics = Topics.INCIDENT_REPORTED, batch = "true")
    void onReported(List<ConsumerRecord<String, IncidentReported>> records) {
        batches.process(records, seen, this::triage);
    }

    void triage(IncidentReported reported, RecordHandler.Memory memory, RecordOutput out) {
        String incidentId = reported.getIncidentId().toString();
        int revision = reported.getRevision();
        Optional<TriagedSoFar> known = memory.find(incidentId).map(TriagedSoFar::decode);
        if (known.isPresent() && revision <= known.get().revision()) {
            skipRepeat(incidentId, revision, known.get(), reported.getContentFingerprint(), out);
            return;
        }
        int expected = known.map(soFar -> soFar.revision() + 1).orElse(1);
        if (revision != expected) {
            meters.counter("psig.triage.conflicts").increment();
            throw new PoisonRecordException("Revision " + revision + " of incident " + incidentId
                    + " arrived while triage expected revision " + expected + "; it cannot be triaged out of order");
        }
        Revision context = new Revision(revision, reported.getReceivedAt(),
                known.map(TriagedSoFar::deadlines).orElse(Map.of()));
        Verdict verdict = policy.triage(ReportFacts.from(reported.getReport()), context);
        List<Change> changes = known.map(soFar -> VerdictChanges.between(soFar.verdict(), VerdictChanges.fields(verdict)))
                .orElse(List.of());
        log.info("Revision {} of incident {} triaged: severity {}, {}, {}, ARS {}.", revision, incidentId,
                verdict.severity(), verdict.maliciousness(), verdict.legalQualification(),
                verdict.arsRegionCode().orElse("none"));
        out.send(record(incidentId, triaged(reported, verdict, changes, campaignsOf(incidentId, revision))))
                .remember(incidentId, TriagedSoFar.of(revision, reported.getContentFingerprint(), verdict).encode())
                .afterCommit(() -> meters.counter("psig.verdicts", "severity", verdict.severity().name(),
                        "maliciousness", verdict.maliciousness().name(),
                        "qualification", verdict.legalQualification().name(),
                        "routed", Boolean.toString(verdict.arsRegionCode().isPresent())).increment());
    }

    /**
     * A revision triaged already. Only the last one's fingerprint is remembered: an older revision
     * seen again is a replay of what was triaged, since the intake writes one content per revision.
     */
    private void skipRepeat(String incidentId, int revision, TriagedSoFar known, String fingerprint, RecordOutput out) {
        if (revision == known.revision() && !known.fingerprint().equals(fingerprint)) {
            meters.counter("psig.triage.conflicts").increment();
            throw new PoisonRecordException("Revision " + revision + " of incident " + incidentId
                    + " was already triaged with different content");
        }
        out.afterCommit(() -> {
            meters.counter("psig.triage.duplicates").increment();
            log.info("Revision {} of incident {} was already triaged; the repeat is skipped.", revision, incidentId);
        });
    }

    /**
     * Campaigns form from verdicts, so a first verdict belongs to none yet; a later revision names
     * the campaigns its incident joined, as far as triage has read them.
     */
    private List<String> campaignsOf(String incidentId, int revision) {
        if (revision == 1) {
            return List.of();
        }
        if (!campaigns.awaitRead(CAMPAIGNS_CATCH_UP)) {
            log.warn("Revision {} of incident {} is triaged before {} was read: its verdict may not name its campaigns.",
                    revision, incidentId, Topics.INCIDENT_CAMPAIGNS);
        }
        return campaigns.of(incidentId);
    }

    /** The verdict, with its summary in headers: readers that need only that do not decode the report it carries. */
    private static ProducerRecord<Object, Object> record(String incidentId, IncidentTriaged triaged) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(Topics.INCIDENT_TRIAGED, incidentId, triaged);
        VerdictHeaders.of(triaged).forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private IncidentTriaged triaged(IncidentReported reported, Verdict verdict, List<Change> changes,
                                    List<String> campaignIds) {
        return IncidentTriaged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setIncidentId(reported.getIncidentId())
                .setReceivedAt(reported.getReceivedAt())
                .setArsRegionCode(verdict.arsRegionCode().orElse(null))
                .setLegalQualification(LegalQualification.valueOf(verdict.legalQualification().name()))
                .setMaliciousness(Maliciousness.valueOf(verdict.maliciousness().name()))
                .setSeverity(Severity.valueOf(verdict.severity().name()))
                .setRsitClass(verdict.rsit().rsitClass())
                .setRsitType(verdict.rsit().rsitType())
                .setTlp(Tlp.valueOf(verdict.tlp().name()))
                .setDeadlines(verdict.deadlines().stream()
                        .map(deadline -> new Deadline(Duty.valueOf(deadline.duty().name()), deadline.dueAt()))
                        .toList())
                .setReasons(verdict.reasons())
                .setRulesetVersion(verdict.rulesetVersion())
                .setReport(reported.getReport())
                .setRevision(reported.getRevision())
                .setKind(kind(reported))
                .setChanges(changes.stream().map(change ->
                        new VerdictChange(change.field(), change.previous(), change.current())).toList())
                .setRevisionNote(reported.getRevisionNote())
                .setWarnings(reported.getWarnings())
                .setCampaignIds(campaignIds.stream().map(UUID::fromString).toList())
                .build();
    }

    /** The one place that tells an initial report, a follow-up and the closure apart. */
    static RevisionKind kind(IncidentReported reported) {
        if (reported.getRevision() == 1) {
            return RevisionKind.INITIAL;
        }
        RevisionNote note = reported.getRevisionNote();
        return note != null && note.getResolution() != null ? RevisionKind.CLOSURE : RevisionKind.UPDATE;
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        seen.invalidate();
    }
}
