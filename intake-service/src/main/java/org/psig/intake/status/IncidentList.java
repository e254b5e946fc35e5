package org.psig.intake.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.psig.intake.memory.KnownIncident;

/**
 * One page of a listing: the incidents a key covers received since a time, newest first, and where
 * the next page starts. Pages are cut by (receivedAt, incidentId), so a report accepted meanwhile
 * neither shifts nor repeats the rest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentList(List<IncidentStatus> reports, String next) {

    /** Where a page starts: strictly older than this report. */
    public record Cursor(Instant receivedAt, UUID incidentId) {

        private static final Comparator<KnownIncident> NEWEST_FIRST = Comparator
                .comparing((KnownIncident incident) -> incident.first().receivedAt())
                .thenComparing(KnownIncident::incidentId).reversed();

        public static Optional<Cursor> parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return Optional.of(new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1])));
            } catch (RuntimeException unreadable) {
                return Optional.empty();
            }
        }

        String text() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + "|" + incidentId).getBytes(StandardCharsets.UTF_8));
        }

        boolean before(KnownIncident incident) {
            int byTime = incident.first().receivedAt().compareTo(receivedAt);
            return byTime < 0 || byTime == 0 && incident.incidentId().compareTo(incidentId) < 0;
        }
    }

    /** The page of {@code incidents} after {@code cursor}; {@code next} is the cursor of the page after, or null. */
    public static Page page(List<KnownIncident> incidents, Predicate<KnownIncident> visible, Instant since,
                            Optional<Cursor> cursor, int limit) {
        List<KnownIncident> matching = incidents.stream().filter(visible)
                .filter(incident -> !incident.first().receivedAt().isBefore(since))
                .filter(incident -> cursor.map(c -> c.before(incident)).orElse(true))
                .sorted(Cursor.NEWEST_FIRST).limit(limit + 1L).toList();
        List<KnownIncident> page = matching.subList(0, Math.min(limit, matching.size()));
        Optional<Cursor> next = matching.size() > limit
                ? Optional.of(new Cursor(page.get(page.size() - 1).first().receivedAt(), page.get(page.size() - 1).incidentId()))
                : Optional.empty();
        return new Page(page, next.map(Cursor::text).orElse(null));
    }

    /** The incidents of one page, and the cursor text of the next page. */
    public record Page(List<KnownIncident> incidents, String nextCursor) {
    }
}
