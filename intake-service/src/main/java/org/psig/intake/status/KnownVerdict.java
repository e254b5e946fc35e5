package org.psig.intake.status;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.psig.schemas.IncidentTriaged;

/** A verdict as the declarant's status shows it: the fields the contract names, for one revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnownVerdict(int revision, String legalQualification, String maliciousness, String severity,
                           String arsRegionCode, String tlp, List<Due> deadlines, List<String> reasons,
                           String rulesetVersion) {

    /** A duty and when it falls due. */
    public record Due(String duty, Instant dueAt) {
    }

    static KnownVerdict of(IncidentTriaged triaged) {
        return new KnownVerdict(triaged.getRevision(), triaged.getLegalQualification().name(),
                triaged.getMaliciousness().name(), triaged.getSeverity().name(), triaged.getArsRegionCode(),
                triaged.getTlp() == null ? null : triaged.getTlp().name(),
                triaged.getDeadlines().stream().map(d -> new Due(d.getDuty().name(), d.getDueAt())).toList(),
                List.copyOf(triaged.getReasons()), triaged.getRulesetVersion());
    }

    /** The same verdict without its reasons, as listings show it. */
    public KnownVerdict withoutReasons() {
        return new KnownVerdict(revision, legalQualification, maliciousness, severity, arsRegionCode, tlp, deadlines,
                null, rulesetVersion);
    }
}
