package org.psig.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.psig.intake.memory.KnownIncident;
import org.psig.intake.memory.KnownIncidents;
import org.psig.intake.status.IncidentStatus.State;

/** The state of an incident's current revision, from what the topics say became of it. */
class StatusViewTest {

    private static final Instant AT = Instant.parse("2026-11-27T06:45:00Z");

    @ParameterizedTest(name = "revision {0} (closed {1}), triaged {2}, notified [{3}] -> {4}")
    @CsvSource(delimiter = '|', value = {
        "1 | false | 0 |                                   | ACCEPTED",
        "1 | false | 1 |                                   | TRIAGED",
        "1 | false | 1 | 1 ARS-53                          | TRIAGED",
        "1 | false | 1 | 1 HFDS                            | TRIAGED",
        "1 | false | 1 | 1 ARS-53, 1 HFDS                  | NOTIFIED",
        "1 | false | 1 | 1 UNROUTED, 1 HFDS                | NOTIFIED",
        "2 | false | 1 | 1 ARS-53, 1 HFDS                  | ACCEPTED",
        "2 | false | 2 | 1 ARS-53, 1 HFDS                  | TRIAGED",
        "2 | false | 2 | 1 ARS-53, 1 HFDS, 2 HFDS          | TRIAGED",
        "2 | false | 2 | 1 ARS-53, 1 HFDS, 2 HFDS, 2 ARS-53 | NOTIFIED",
        "2 | true  | 2 | 1 ARS-53, 1 HFDS, 2 ARS-53        | TRIAGED",
        "2 | true  | 2 | 1 ARS-53, 1 HFDS, 2 ARS-53, 2 HFDS | CLOSED"})
    void shouldTellTheStateOfTheCurrentRevision(int revision, boolean closed, int triaged, String notified, State expected) {
        KnownIncident incident = KnownIncidents.initial(UUID.randomUUID(), "f1", AT, "350100426", null);
        for (int r = 2; r <= revision; r++) {
            incident = KnownIncidents.withRevision(incident, "f" + r, closed && r == revision);
        }

        assertThat(StatusView.state(incident, triaged, notifications(notified))).isEqualTo(expected);
    }

    private static List<Notified> notifications(String text) {
        List<Notified> sent = new ArrayList<>();
        if (text != null) {
            for (String entry : text.split(",")) {
                String[] parts = entry.trim().split(" ");
                sent.add(new Notified(parts[1], Integer.parseInt(parts[0]), AT));
            }
        }
        return sent;
    }
}
