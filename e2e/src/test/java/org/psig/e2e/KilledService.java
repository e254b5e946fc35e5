package org.psig.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service that a test kills with SIGKILL each time its output passes a threshold, then starts
 * again as a restarted pod would, so that its exactly-once guarantee is tried mid-stream.
 */
final class KilledService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KilledService.class);
    /** How far the feed may run ahead of what the service has done. */
    static final int LEAD = 150;

    private final Supplier<ServiceProcess> starter;
    private ServiceProcess current;

    KilledService(Supplier<ServiceProcess> starter) {
        this.starter = starter;
        this.current = starter.get();
    }

    /**
     * Kills the service once {@code done} reaches each threshold, restarting it before the next one;
     * returns how many kills landed while work remained. Leaves the service running afterwards. The
     * feed runs at most {@value #LEAD} records ahead of what the service has done: it keeps the
     * service busy, and however slow the machine it cannot run ahead until nothing is left to kill the
     * service in the middle of, as long as the last threshold is more than that short of the total.
     */
    int killAt(List<Integer> thresholds, IntSupplier done, int total, PacedFeeder feed) {
        assertThat(thresholds.get(thresholds.size() - 1) + LEAD).as("work left after the last kill").isLessThan(total);
        int kills = 0;
        int seen = done.getAsInt();
        for (int threshold : thresholds) {
            if (!current.isAlive()) {
                current = starter.get();
            }
            // Each kill lands once the restarted service has done some work of its own, not while it starts.
            int target = Math.max(threshold, seen + 1);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
                int doneNow = done.getAsInt();
                feed.allowUpTo(doneNow + LEAD);
                return doneNow >= target;
            });
            current.kill();
            seen = done.getAsInt();
            log.info("Killed the service after {} of {} were done.", seen, total);
            assertThat(seen).as("killed mid-stream").isLessThan(total);
            kills++;
        }
        feed.allowUpTo(total);
        current = starter.get();
        return kills;
    }

    @Override
    public void close() {
        current.close();
    }
}
