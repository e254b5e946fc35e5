package org.psig.intake.status;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.psig.schemas.Deadline;
import org.psig.schemas.IncidentTriaged;
import org.psig.schemas.LegalQualification;
import org.psig.schemas.Maliciousness;
import org.psig.schemas.Severity;
import org.psig.schemas.Tlp;
import org.psig.schemas.VerdictHeaders;

/** A verdict as the declarant's status shows it: the fields the contract names, for one revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KnownVerdict(int revision, String legalQualification, String maliciousness, String severity,
                           String arsRegionCode, String tlp, List<Due> deadlines, List<String> reasons,
                           String rulesetVersion) {

    /** A duty and when it falls due. */
    public record Due(String duty, Instant dueAt) {
    }

    /** The whole verdict, as one incident's status shows it. */
    static KnownVerdict of(IncidentTriaged triaged) {
        return new KnownVerdict(triaged.getRevision(), triaged.getLegalQualification().name(),
                triaged.getMaliciousness().name(), triaged.getSeverity().name(), triaged.getArsRegionCode(),
                triaged.getTlp() == null ? null : triaged.getTlp().name(), deadlines(triaged),
                List.copyOf(triaged.getReasons()), triaged.getRulesetVersion());
    }

    /**
     * The verdict without its reasons, as listings show it and the memory keeps it for every incident:
     * its texts are the few values of a vocabulary, shared rather than copied per incident.
     */
    static KnownVerdict summaryOf(IncidentTriaged triaged) {
        String region = triaged.getArsRegionCode();
        return new KnownVerdict(triaged.getRevision(), triaged.getLegalQualification().name(),
                triaged.getMaliciousness().name(), triaged.getSeverity().name(), region == null ? null : region.intern(),
                triaged.getTlp() == null ? null : triaged.getTlp().name(), deadlines(triaged), null,
                triaged.getRulesetVersion().intern());
    }

    /**
     * The same summary from a verdict record's headers ({@link VerdictHeaders}), without decoding the
     * report the verdict carries; {@code header} gives a header's text, or null when absent.
     */
    static KnownVerdict summaryOf(UnaryOperator<String> header) {
        String region = header.apply(VerdictHeaders.REGION);
        String tlp = header.apply(VerdictHeaders.TLP);
        return new KnownVerdict(Integer.parseInt(header.apply(VerdictHeaders.REVISION)),
                LegalQualification.valueOf(header.apply(VerdictHeaders.LEGAL_QUALIFICATION)).name(),
                Maliciousness.valueOf(header.apply(VerdictHeaders.MALICIOUSNESS)).name(),
                Severity.valueOf(header.apply(VerdictHeaders.SEVERITY)).name(),
                region == null || region.isEmpty() ? null : region.intern(),
                tlp == null || tlp.isEmpty() ? null : Tlp.valueOf(tlp).name(),
                dues(VerdictHeaders.deadlines(header.apply(VerdictHeaders.DEADLINES))), null, header.apply(VerdictHeaders.RULESET_VERSION).intern());
    }

    private static List<Due> deadlines(IncidentTriaged triaged) {
        return dues(triaged.getDeadlines());
    }

    private static List<Due> dues(List<Deadline> deadlines) {
        return deadlines.stream().map(d -> new Due(d.getDuty().name(), d.getDueAt())).toList();
    }
}
