package org.psig.bench;

import java.util.concurrent.locks.LockSupport;

/** Waiting in the benchmark's own threads: until an instant for the open-loop sender, or a pause while polling. */
final class Sleeps {

    private Sleeps() {
    }

    /** Parks until {@code System.nanoTime()} reaches {@code deadline}. */
    static void until(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static void millis(long millis) {
        until(System.nanoTime() + millis * 1_000_000L);
    }
}
