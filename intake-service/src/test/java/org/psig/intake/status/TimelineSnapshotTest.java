package org.psig.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psig.intake.memory.KnownReport;
import org.psig.intake.memory.SnapshotFile;

/** The snapshot of verdicts and notifications comes back as the status reads them. */
class TimelineSnapshotTest {

    private static final Instant AT = Instant.parse("2026-11-27T06:45:00.5Z");

    @TempDir
    Path directory;

    @Test
    void shouldReadBackEachLatestVerdictAndEveryNotification() throws IOException {
        UUID routed = UUID.randomUUID();
        UUID unrouted = UUID.randomUUID();
        Map<UUID, LatestVerdict> verdicts = Map.of(
                routed, new LatestVerdict(new KnownVerdict(2, "GRAVE", "MALICIOUS", "CRITICAL", "53", "AMBER",
                        List.of(new KnownVerdict.Due("CNIL_NOTIFICATION", AT.plusSeconds(72 * 3600))), null, "2026.11-2"),
                        new KnownReport.Position(4, 812)),
                unrouted, new LatestVerdict(new KnownVerdict(1, "NOT_GRAVE", "ACCIDENTAL", "LOW", null, null, List.of(),
                        null, "2026.11-2"), new KnownReport.Position(0, 0)));
        Map<UUID, List<Notified>> notifications = Map.of(
                routed, new ArrayList<>(List.of(new Notified("ARS-53", 1, AT), new Notified("HFDS", 1, AT),
                        new Notified("ARS-53", 2, AT.plusSeconds(3600)))),
                unrouted, new ArrayList<>(List.of(new Notified("UNROUTED", 1, AT))));
        Path file = directory.resolve("incident-timeline.snapshot");
        var coverage = new SnapshotFile.Coverage(AT, Map.of(), Map.of());

        SnapshotFile.write(file, TimelineSnapshot.KIND, coverage, out -> TimelineSnapshot.write(out, verdicts, notifications));
        TimelineSnapshot read = SnapshotFile.read(file, TimelineSnapshot.KIND, TimelineSnapshot::read).body();

        assertThat(read.verdicts()).isEqualTo(verdicts);
        assertThat(read.notifications()).isEqualTo(notifications);
        assertThat(read.verdicts().get(routed).summary().arsRegionCode()).isSameAs("53");
    }
}
