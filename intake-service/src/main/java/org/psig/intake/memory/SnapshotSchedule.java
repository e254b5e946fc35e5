package org.psig.intake.memory;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** When a memory's reader thread should hand a new snapshot to {@link Snapshots}: an interval passed and it moved. */
public final class SnapshotSchedule {

    private final long intervalNanos;
    private long lastNanos = System.nanoTime();
    private Map<TopicPartition, Long> lastPositions = Map.of();

    public SnapshotSchedule(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    public boolean due(Map<TopicPartition, Long> positions) {
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos || positions.equals(lastPositions)) {
            return false;
        }
        lastNanos = now;
        lastPositions = Map.copyOf(positions);
        return true;
    }
}
