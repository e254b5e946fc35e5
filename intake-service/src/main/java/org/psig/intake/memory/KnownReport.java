package org.psig.intake.memory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.psig.schemas.IncidentReported;

/**
 * What the intake remembers of one accepted revision of a report: enough to recognise a resend or a
 * conflict, to check a key, to answer the status, and where the record lies, so that the next
 * revision can be merged into it.
 */
public record KnownReport(UUID incidentId, int revision, String fingerprint, Instant receivedAt, String finessEt,
                          String finessEj, String declarantReference, boolean closes, List<String> warnings,
                          Position position) {

    /** Where a record lies on {@code psig.incident.reported}. */
    public record Position(int partition, long offset) {
    }

    public KnownReport {
        warnings = List.copyOf(warnings);
    }

    public static KnownReport of(IncidentReported reported, Position position) {
        var establishment = reported.getReport().getEstablishment();
        var note = reported.getRevisionNote();
        // Interned: an establishment files many reports, and the memory keeps every one.
        return new KnownReport(reported.getIncidentId(), reported.getRevision(), reported.getContentFingerprint(),
                reported.getReceivedAt(), establishment.getFinessEt().intern(), intern(establishment.getFinessEj()),
                reported.getReport().getDeclarantReference(), note != null && note.getResolution() != null,
                reported.getWarnings(), position);
    }

    private static String intern(String text) {
        return text == null ? null : text.intern();
    }
}
