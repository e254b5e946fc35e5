package org.psig.intake.memory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

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

        private static final Pattern TOKEN = Pattern.compile("(\\d{1,4})-(\\d{1,18})");

        /** As the API shows it, {@code <partition>-<offset>}: a 202's {@code position}, a GET's {@code atLeast}. */
        public String token() {
            return partition + "-" + offset;
        }

        public static Optional<Position> parse(String token) {
            var matcher = TOKEN.matcher(token);
            return matcher.matches()
                    ? Optional.of(new Position(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2))))
                    : Optional.empty();
        }
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
