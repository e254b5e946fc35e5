package org.psig.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownIncidents;

/** Listing pages: newest first, since a time, every report exactly once across pages. */
class IncidentListTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

    private static List<KnownIncident> incidents(int count) {
        List<KnownIncident> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Two reports per second: equal receivedAt must not lose or repeat one at a page's edge.
            incidents.add(KnownIncidents.initial(UUID.randomUUID(), "f", T0.plusSeconds(i / 2), "350100426", null));
        }
        return incidents;
    }

    @Test
    void shouldGiveEveryReportOnceNewestFirstAcrossPages() {
        List<KnownIncident> all = incidents(23);
        List<KnownIncident> seen = new ArrayList<>();
        Optional<IncidentList.Cursor> cursor = Optional.empty();
        int pages = 0;
        do {
            IncidentList.Page page = IncidentList.page(all, incident -> true, Instant.EPOCH, cursor, 5);
            seen.addAll(page.incidents());
            cursor = Optional.ofNullable(page.nextCursor()).flatMap(IncidentList.Cursor::parse);
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(seen).extracting(incident -> incident.first().receivedAt()).isSortedAccordingTo(
                (a, b) -> b.compareTo(a));
    }

    @Test
    void shouldKeepOnlyWhatTheKeyCoversSinceTheGivenTime() {
        List<KnownIncident> all = new ArrayList<>(incidents(10));
        all.add(KnownIncidents.initial(UUID.randomUUID(), "f", T0.plusSeconds(100), "130800915", null));

        IncidentList.Page page = IncidentList.page(all, incident -> incident.first().finessEt().equals("350100426"),
                T0.plusSeconds(3), Optional.empty(), 500);

        assertThat(page.incidents()).hasSize(4).allSatisfy(incident ->
                assertThat(incident.first().receivedAt()).isAfterOrEqualTo(T0.plusSeconds(3)));
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void shouldReadNoCursorFromTextItDidNotGive() {
        assertThat(IncidentList.Cursor.parse("not-a-cursor")).isEmpty();
        assertThat(IncidentList.Cursor.parse("")).isEmpty();
    }
}
