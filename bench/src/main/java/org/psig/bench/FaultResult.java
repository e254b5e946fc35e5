package org.psig.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import org.HdrHistogram.Histogram;

/**
 * What one fault did to the reports sent during its phase.
 *
 * @param recoverySeconds from the fault to the intended send time of the last report it affected:
 *                        refused, unanswered, not notified, or notified later than the healthy
 *                        latency; 0 when it affected none; null when the phase's last report was
 *                        still affected (not recovered within the phase); null for a phase without
 *                        a fault (a control), whose affected reports show what the machine does unprovoked
 * @param partsBackSeconds from the fault until every part it stopped answered again; null if not
 *                         within the plan's wait (the run went on)
 */
record FaultResult(String fault, String description, boolean control, double faultSeconds, Double partsBackSeconds, long sent,
                   long accepted, long notified, long lost, long duplicated, long refused503, long without503RetryAfter,
                   long status500, Map<Integer, Long> otherStatuses, long unanswered, Map<String, Long> unansweredCauses,
                   long failovers, long affected,
                   Double recoverySeconds, double p50Millis, double p99Millis, double maxMillis, String detail) {

    /** Nothing lost or duplicated, every refusal a 503 with Retry-After or an error the client saw. */
    boolean passed() {
        return lost == 0 && duplicated == 0 && status500 == 0 && without503RetryAfter == 0 && otherStatuses.isEmpty();
    }

    /** A phase without a fault: every report of it counts as affected when slow. */
    static FaultResult control(String name, String description, List<ChaosLoad.Sent> phase,
                               Function<UUID, NotificationWatcher.Seen> seen, long healthyNanos) {
        return account(name, description, true, Long.MIN_VALUE, 0, null, phase, seen, healthyNanos, "");
    }

    /** The account of a fault's phase, against what the notification topics showed of each report. */
    static FaultResult of(String fault, String description, long faultNanos, double faultSeconds, Double partsBackSeconds,
                          List<ChaosLoad.Sent> phase, Function<UUID, NotificationWatcher.Seen> seen,
                          long healthyNanos, String detail) {
        return account(fault, description, false, faultNanos, faultSeconds, partsBackSeconds, phase, seen, healthyNanos,
                detail);
    }

    private static FaultResult account(String fault, String description, boolean control, long faultNanos,
                                       double faultSeconds, Double partsBackSeconds, List<ChaosLoad.Sent> phase,
                                       Function<UUID, NotificationWatcher.Seen> seen, long healthyNanos, String detail) {
        long accepted = 0, notified = 0, lost = 0, duplicated = 0, refused503 = 0, withoutRetryAfter = 0;
        long status500 = 0, unanswered = 0, failovers = 0, affected = 0;
        long lastAffected = Long.MIN_VALUE;
        Map<Integer, Long> other = new TreeMap<>();
        Map<String, Long> causes = new TreeMap<>();
        Histogram latencies = new Histogram(3_600_000_000L, 3);
        List<ChaosLoad.Sent> ordered = phase.stream().sorted(Comparator.comparingLong(ChaosLoad.Sent::intendedNanos)).toList();
        for (ChaosLoad.Sent s : ordered) {
            failovers += s.failovers();
            NotificationWatcher.Seen of = seen.apply(s.incidentId());
            boolean healthy = false;
            switch (s.status()) {
                case 202 -> {
                    accepted++;
                    if (of.complete()) {
                        notified++;
                        long micros = Math.max(1, (of.completedNanos() - s.intendedNanos()) / 1000);
                        latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
                        healthy = of.completedNanos() - s.intendedNanos() <= healthyNanos;
                    } else {
                        lost++;
                    }
                    if (of.duplicated()) {
                        duplicated++;
                    }
                }
                case 503 -> {
                    refused503++;
                    if (!s.retryAfter()) {
                        withoutRetryAfter++;
                    }
                }
                case 500 -> status500++;
                case -1 -> {
                    unanswered++;
                    causes.merge(String.valueOf(s.error()), 1L, Long::sum);
                }
                default -> other.merge(s.status(), 1L, Long::sum);
            }
            if (!healthy && s.intendedNanos() >= faultNanos) {
                affected++;
                lastAffected = s.intendedNanos();
            }
        }
        Double recovery = control ? null : affected == 0 ? Double.valueOf(0)
                : !ordered.isEmpty() && ordered.get(ordered.size() - 1).intendedNanos() == lastAffected ? null
                : Double.valueOf((lastAffected - faultNanos) / 1e9);
        return new FaultResult(fault, description, control, faultSeconds, partsBackSeconds, ordered.size(), accepted, notified, lost,
                duplicated, refused503, withoutRetryAfter, status500, other, unanswered, causes, failovers, affected, recovery,
                latencies.getValueAtPercentile(50) / 1000.0, latencies.getValueAtPercentile(99) / 1000.0,
                latencies.getMaxValue() / 1000.0, detail);
    }
}
