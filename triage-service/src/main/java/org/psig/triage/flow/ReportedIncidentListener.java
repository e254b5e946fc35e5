package org.psig.triage.flow;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.PoisonRecordException;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consume-triage-produce in one Kafka transaction: the verdict, the memory of the incident and the
 * consumed offset commit together or not at all.
 */
@Component
class ReportedIncidentListener implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(ReportedIncidentListener.class);

    private final TriagePolicy policy;
    private final IncidentMemory seen;
    private final KafkaTemplate<Object, Object> template;
    private final MeterRegistry meters;
    private final Clock clock;

    ReportedIncidentListener(TriagePolicy policy, IncidentMemory seen, KafkaTemplate<Object, Object> template,
                             MeterRegistry meters) {
        this.policy = policy;
        this.seen = seen;
        this.template = template;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    @KafkaListener(id = "triage", idIsGroup = false, topics = Topics.INCIDENT_REPORTED)
    void onReported(ConsumerRecord<String, IncidentReported> record) {
        IncidentReported reported = record.value();
        String incidentId = reported.getIncidentId().toString();
        Optional<String> known = seen.find(incidentId);
        if (known.isPresent()) {
            skipRepeat(incidentId, known.get(), reported.getContentFingerprint());
            return;
        }
        Verdict verdict = policy.triage(ReportFacts.from(reported.getReport()));
        template.send(Topics.INCIDENT_TRIAGED, incidentId, triaged(reported, verdict));
        seen.remember(incidentId, reported.getContentFingerprint());
        meters.counter("psig.verdicts", "severity", verdict.severity().name(),
                "maliciousness", verdict.maliciousness().name(),
                "qualification", verdict.legalQualification().name(),
                "routed", Boolean.toString(verdict.arsRegionCode().isPresent())).increment();
    }

    private void skipRepeat(String incidentId, String knownFingerprint, String fingerprint) {
        if (!knownFingerprint.equals(fingerprint)) {
            meters.counter("psig.triage.conflicts").increment();
            throw new PoisonRecordException("Incident " + incidentId
                    + " was already triaged with different content; a changed report needs the update lifecycle");
        }
        meters.counter("psig.triage.duplicates").increment();
        log.info("Incident {} was already triaged; the repeated report is skipped.", incidentId);
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
