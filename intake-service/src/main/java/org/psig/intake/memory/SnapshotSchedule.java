package org.psig.intake.memory;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;

/**
 * One memory's snapshots, driven by its reader thread: a new one when an interval passed and the
 * reader moved, and a last one once it stopped, up to where it got. Made by {@link Snapshots#schedule}.
 */
public final class SnapshotSchedule {

    private final Snapshots snapshots;
    private final String kind;
    private final SnapshotFile.BodyWriter body;
    private final long intervalNanos;
    private long lastNanos = System.nanoTime();
    private Map<TopicPartition, Long> lastSaved = Map.of();
    private volatile Map<TopicPartition, Long> reached = Map.of();

    SnapshotSchedule(Snapshots snapshots, String kind, SnapshotFile.BodyWriter body) {
        this.snapshots = snapshots;
        this.kind = kind;
        this.body = body;
        this.intervalNanos = snapshots.interval().toNanos();
    }

    /** After each poll, on the reader thread: how far it has read, asked only when snapshots are kept. */
    public void reached(Supplier<Map<TopicPartition, Long>> positions) {
        if (!snapshots.enabled()) {
            return;
        }
        reached = positions.get();
        long now = System.nanoTime();
        if (now - lastNanos >= intervalNanos && !reached.equals(lastSaved)) {
            lastNanos = now;
            lastSaved = Map.copyOf(reached);
            snapshots.save(kind, lastSaved, body);
        }
    }

    /** Once the reader thread has stopped. */
    public void stopped() {
        snapshots.saveNow(kind, reached, body);
    }
}
