package org.psig.triage.flow;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.psig.kafka.PoisonRecordException;
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
import org.psig.schemas.VerdictChange;
import org.psig.triage.rules.Revision;
import org.psig.triage.rules.TriagePolicy;
import org.psig.triage.rules.Verdict;
import org.psig.triage.rules.VerdictChanges;
import org.psig.triage.rules.VerdictChanges.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triage of one revision of a report against what triage remembers of its incident: a verdict, or
 * nothing for a repeat; a revision it refuses (changed content under a revision already triaged, a
 * revision out of order) throws {@link PoisonRecordException}. Each revision is triaged in turn on
 * the whole report as revised. No Kafka here: {@link TriageProcessor} keeps the memory in a store.
 */
final class RevisionTriage {

    private static final Logger log = LoggerFactory.getLogger(RevisionTriage.class);

    private final TriagePolicy policy;
    private final MeterRegistry meters;
    private final Clock clock;

    RevisionTriage(TriagePolicy policy, MeterRegistry meters, Clock clock) {
        this.policy = policy;
        this.meters = meters;
        this.clock = clock;
    }

    /** What triage does with a revision: the verdict to publish, if any, and what to remember then. */
    record Triaged(IncidentTriaged verdict, TriagedSoFar remembered) {
    }

    /**
     * @param known     what was remembered of the incident, if anything
     * @param campaigns the campaigns its incident joined, as far as triage has read them
     */
    Optional<Triaged> triage(IncidentReported reported, Optional<TriagedSoFar> known, List<String> campaigns) {
        String incidentId = reported.getIncidentId().toString();
        int revision = reported.getRevision();
        if (known.isPresent() && revision <= known.get().revision()) {
            skipRepeat(incidentId, revision, known.get(), reported.getContentFingerprint());
            return Optional.empty();
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
        meters.counter("psig.verdicts", "severity", verdict.severity().name(),
                "maliciousness", verdict.maliciousness().name(),
                "qualification", verdict.legalQualification().name(),
                "routed", Boolean.toString(verdict.arsRegionCode().isPresent())).increment();
        // Campaigns form from verdicts: a first verdict belongs to none yet.
        List<String> campaignIds = revision == 1 ? List.of() : campaigns;
        return Optional.of(new Triaged(triaged(reported, verdict, changes, campaignIds),
                TriagedSoFar.of(revision, reported.getContentFingerprint(), verdict)));
    }

    /**
     * A revision triaged already. Only the last one's fingerprint is remembered: an older revision
     * seen again is a replay of what was triaged, since the intake writes one content per revision.
     */
    private void skipRepeat(String incidentId, int revision, TriagedSoFar known, String fingerprint) {
        if (revision == known.revision() && !known.fingerprint().equals(fingerprint)) {
            meters.counter("psig.triage.conflicts").increment();
            throw new PoisonRecordException("Revision " + revision + " of incident " + incidentId
                    + " was already triaged with different content");
        }
        meters.counter("psig.triage.duplicates").increment();
        log.info("Revision {} of incident {} was already triaged; the repeat is skipped.", revision, incidentId);
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
}
