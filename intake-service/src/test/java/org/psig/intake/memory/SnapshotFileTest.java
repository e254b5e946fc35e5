package org.psig.intake.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snapshot of accepted reports comes back as it was written, or not at all. */
class SnapshotFileTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-27T06:45:00.123456789Z");
    private static final SnapshotFile.Coverage COVERAGE = new SnapshotFile.Coverage(Instant.parse("2026-12-02T10:00:00Z"),
            Map.of("psig.incident.reported", "Qm9ndXNUb3BpY0lkAAAAAA"),
            Map.of(new TopicPartition("psig.incident.reported", 0), 42L,
                    new TopicPartition("psig.incident.reported", 5), 7L));

    @TempDir
    Path directory;

    private final List<KnownIncident> incidents = List.of(
            KnownIncidents.initial(UUID.randomUUID(), "a".repeat(64), RECEIVED, "350000139", null),
            KnownIncidents.withRevision(KnownIncidents.withRevision(
                    KnownIncidents.initial(UUID.randomUUID(), "b".repeat(64), RECEIVED, "750000010", "750000001"),
                    "c".repeat(64), false), "d".repeat(64), true),
            new KnownIncident(List.of(new KnownReport(UUID.randomUUID(), 1, "e".repeat(64), RECEIVED, "690000019", null,
                    null, false, List.of("detectedAt is more than 72 h before receivedAt", "été"),
                    new KnownReport.Position(3, 1_000_000_000_000L)))));

    @Test
    void shouldReadBackEveryRevisionOfEveryIncidentAndWhatItCovers() throws IOException {
        Path file = write();

        SnapshotFile.Content<List<KnownIncident>> read = SnapshotFile.read(file, "report-index", SnapshotCodec::readIncidents);

        assertThat(read.coverage()).isEqualTo(COVERAGE);
        assertThat(read.body()).isEqualTo(incidents);
        assertThat(read.body().get(1).revisions()).hasSize(3);
        assertThat(read.body().get(1).closed()).isTrue();
    }

    @Test
    void shouldRefuseATornFile() throws IOException {
        Path file = write();
        try (RandomAccessFile torn = new RandomAccessFile(file.toFile(), "rw")) {
            torn.setLength(torn.length() - 20);
        }

        assertThatThrownBy(() -> SnapshotFile.read(file, "report-index", SnapshotCodec::readIncidents))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseAFileWhoseContentChanged() throws IOException {
        Path file = write();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);

        assertThatThrownBy(() -> SnapshotFile.read(file, "report-index", SnapshotCodec::readIncidents))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRefuseASnapshotOfAnotherMemory() throws IOException {
        Path file = write();

        assertThatThrownBy(() -> SnapshotFile.read(file, "incident-timeline", SnapshotCodec::readIncidents))
                .isInstanceOf(IOException.class).hasMessageContaining("incident-timeline");
    }

    @Test
    void shouldReplaceTheLastSnapshotWhole() throws IOException {
        Path file = write();
        SnapshotFile.write(file, "report-index", COVERAGE, out -> SnapshotCodec.writeIncidents(out, incidents.subList(0, 1)));

        assertThat(SnapshotFile.read(file, "report-index", SnapshotCodec::readIncidents).body()).hasSize(1);
        try (var files = Files.list(directory)) {
            assertThat(files).containsExactly(file);
        }
    }

    private Path write() throws IOException {
        Path file = directory.resolve("report-index.snapshot");
        SnapshotFile.write(file, "report-index", COVERAGE, out -> SnapshotCodec.writeIncidents(out, incidents));
        return file;
    }
}
