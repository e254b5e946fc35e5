package org.psig.intake.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every accepted revision of one incident, in order: revision 1 is the initial report. A record that
 * does not continue the sequence (a copy written by two intake instances racing, a replay) is not
 * added: the first of each revision in the log is the one triage sees too.
 */
public record KnownIncident(List<KnownReport> revisions) {

    public KnownIncident {
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("an incident has at least its initial report");
        }
    }

    /** The incident as first learnt: from its initial report, or from a later revision read alone. */
    static KnownIncident of(KnownReport report) {
        return new KnownIncident(List.of(report));
    }

    KnownIncident with(KnownReport report) {
        if (report.revision() != revision() + 1) {
            return this;
        }
        List<KnownReport> longer = new ArrayList<>(revisions);
        longer.add(report);
        return new KnownIncident(longer);
    }

    public UUID incidentId() {
        return first().incidentId();
    }

    public KnownReport first() {
        return revisions.get(0);
    }

    public KnownReport current() {
        return revisions.get(revisions.size() - 1);
    }

    public int revision() {
        return current().revision();
    }

    public boolean closed() {
        return current().closes();
    }

    public Optional<KnownReport> revision(int number) {
        return revisions.stream().filter(report -> report.revision() == number).findFirst();
    }
}
