package org.psig.console.board;

import java.time.Instant;
import java.util.List;

/**
 * One revision of an incident as analysts see it: the verdict with every reason and deadline, the
 * establishment and the incident's own words. The declarant's contact stays out: analysts reach
 * the establishment through its ARS.
 */
public record IncidentCard(String incidentId, int revision, String kind, Instant receivedAt, String finessEt,
                           String establishmentName, String establishmentType, String regionCode,
                           String legalQualification, String maliciousness, String severity, String category,
                           String provider, String tlp, String rsitClass, String rsitType, Instant detectedAt,
                           String summary, String description, String status, List<Deadline> deadlines,
                           List<String> reasons, String rulesetVersion) {

    public IncidentCard {
        deadlines = List.copyOf(deadlines);
        reasons = List.copyOf(reasons);
    }

    /** A duty the report started and when it falls due. */
    public record Deadline(String duty, Instant dueAt) {
    }
}
