package org.psig.intake.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psig.intake.config.IntakeProperties;

/** Each memory gets its snapshot written, whatever the other is doing. */
class SnapshotsTest {

    @TempDir
    Path directory;

    private final CountDownLatch release = new CountDownLatch(1);
    private Snapshots snapshots;

    @AfterEach
    void close() {
        release.countDown();
        snapshots.close();
    }

    @Test
    void shouldWriteOneMemorysSnapshotWhileAnotherIsStillBeingWritten() {
        snapshots = new Snapshots(new IntakeProperties(null, null, null, null, null, null, null,
                new IntakeProperties.SnapshotSettings(directory, Duration.ofMinutes(1)), null), null);

        snapshots.save("report-index", Map.of(), out -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.writeInt(0);
        });
        snapshots.save("report-index", Map.of(), out -> out.writeInt(1));
        snapshots.save("incident-timeline", Map.of(), out -> out.writeInt(2));
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(directory.resolve("incident-timeline.snapshot"))
                .exists());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(directory.resolve("report-index.snapshot"))
                .exists());
    }
}
