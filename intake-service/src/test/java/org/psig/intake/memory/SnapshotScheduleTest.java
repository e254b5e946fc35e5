package org.psig.intake.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psig.intake.config.IntakeProperties;
import org.springframework.kafka.core.KafkaAdmin;

/** A memory writes a snapshot when its interval passed and it moved, and a last one at stop. */
class SnapshotScheduleTest {

    private static final TopicPartition PARTITION = new TopicPartition("psig.incident.reported", 0);

    @TempDir
    Path directory;

    private final AtomicInteger written = new AtomicInteger();

    @Test
    void shouldWriteOnlyWhenTheReaderMovedThenOnceMoreAtStop() {
        Snapshots snapshots = snapshots(directory, Duration.ZERO);
        SnapshotSchedule schedule = snapshots.schedule("report-index", out -> written.incrementAndGet());

        schedule.reached(() -> Map.of(PARTITION, 10L));
        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() == 1);
        schedule.reached(() -> Map.of(PARTITION, 10L));
        schedule.reached(() -> Map.of(PARTITION, 12L));
        await().atMost(Duration.ofSeconds(10)).until(() -> written.get() == 2);
        schedule.stopped();

        assertThat(written).hasValue(3);
        snapshots.close();
    }

    @Test
    void shouldNotWriteBeforeTheInterval() {
        Snapshots snapshots = snapshots(directory, Duration.ofHours(1));
        SnapshotSchedule schedule = snapshots.schedule("report-index", out -> written.incrementAndGet());

        schedule.reached(() -> Map.of(PARTITION, 10L));
        schedule.stopped();

        assertThat(written).as("only the last snapshot, at stop").hasValue(1);
        snapshots.close();
    }

    @Test
    void shouldNotEvenAskWherePartitionsAreWithoutADirectory() {
        Snapshots snapshots = snapshots(null, Duration.ZERO);
        SnapshotSchedule schedule = snapshots.schedule("report-index", out -> written.incrementAndGet());

        schedule.reached(() -> {
            throw new AssertionError("positions asked while no snapshot is kept");
        });
        schedule.stopped();

        assertThat(written).hasValue(0);
        snapshots.close();
    }

    private static Snapshots snapshots(Path directory, Duration interval) {
        return new Snapshots(new IntakeProperties(null, null, null, null, null, null, null,
                new IntakeProperties.SnapshotSettings(directory, interval), null), new OneTopicAdmin());
    }

    /** The broker's answer about the one topic these snapshots cover. */
    private static final class OneTopicAdmin extends KafkaAdmin {

        OneTopicAdmin() {
            super(Map.of());
        }

        @Override
        public Map<String, TopicDescription> describeTopics(String... topicNames) {
            return Map.of(PARTITION.topic(), new TopicDescription(PARTITION.topic(), false, List.of(), Set.of(),
                    Uuid.randomUuid()));
        }
    }
}
