package org.psig.triage.rules;

import java.time.Instant;
import java.util.Map;

/**
 * Which revision of a report is triaged, when it was received, and the deadlines the previous
 * revision's verdict set. A duty that already ran keeps its due time; one that first applies in a
 * later revision runs from that revision's receipt, not from detection: the establishment could
 * not have owed it before it knew.
 */
public record Revision(int number, Instant receivedAt, Map<Duty, Instant> runningDeadlines) {

    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("revisions count from 1, not " + number);
        }
        runningDeadlines = Map.copyOf(runningDeadlines);
    }

    /** The initial report: every deadline runs from detection. */
    public static Revision initial(Instant receivedAt) {
        return new Revision(1, receivedAt, Map.of());
    }
}
