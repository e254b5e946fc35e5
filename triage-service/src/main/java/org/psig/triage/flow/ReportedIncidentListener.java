package org.psig.triage.flow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.psig.schemas.Topics;
import org.psig.triage.rules.TriagePolicy;
import org.psig.triage.rules.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consume-triage-produce, one Kafka transaction per poll batch: the verdicts, the memory of the
 * incidents and the consumed offsets commit together or not at all. A report triage refuses (a
 * changed report under an incident already triaged) goes to the dead-letter topic alone.
 */
@Component
class ReportedIncidentListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ReportedIncidentListener.class);

    private final TriagePolicy policy;
    private final IncidentMemory seen;
    private final BatchTransactions batches;
    private final MeterRegistry meters;
    private final Clock clock;

    ReportedIncidentListener(TriagePolicy policy, IncidentMemory seen, BatchTransactions batches, MeterRegistry meters) {
        this.policy = policy;
        this.seen = seen;
        this.batches = batches;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    @KafkaListener(id = "triage", idIsGroup = false, topics = Topics.INCIDENT_REPORTED, batch = "true")
    void onReported(List<ConsumerRecord<String, IncidentReported>> records) {
        batches.process(records, seen, this::triage);
    }

    void triage(IncidentReported reported, RecordHandler.Memory memory, RecordOutput out) {
        String incidentId = reported.getIncidentId().toString();
        Optional<String> known = memory.find(incidentId);
        if (known.isPresent()) {
            skipRepeat(incidentId, known.get(), reported.getContentFingerprint(), out);
            return;
        }
        Verdict verdict = policy.triage(ReportFacts.from(reported.getReport()));
        out.send(Topics.INCIDENT_TRIAGED, incidentId, triaged(reported, verdict))
                .remember(incidentId, reported.getContentFingerprint())
                .afterCommit(() -> meters.counter("psig.verdicts", "severity", verdict.severity().name(),
                        "maliciousness", verdict.maliciousness().name(),
                        "qualification", verdict.legalQualification().name(),
                        "routed", Boolean.toString(verdict.arsRegionCode().isPresent())).increment());
    }

    private void skipRepeat(String incidentId, String knownFingerprint, String fingerprint, RecordOutput out) {
        if (!knownFingerprint.equals(fingerprint)) {
            meters.counter("psig.triage.conflicts").increment();
            throw new PoisonRecordException("Incident " + incidentId
                    + " was already triaged with different content; a changed report needs the update lifecycle");
        }
        out.afterCommit(() -> {
            meters.counter("psig.triage.duplicates").increment();
            log.info("Incident {} was already triaged; the repeated report is skipped.", incidentId);
        });
    }

    private IncidentTriaged triaged(IncidentReported reported, Verdict verdict) {
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
                .build();
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        seen.invalidate();
    }
}
