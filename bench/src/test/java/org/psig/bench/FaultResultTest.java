package org.psig.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FaultResultTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long HEALTHY = 2 * SECOND;
    private static final long FAULT = 10 * SECOND;

    private final List<ChaosLoad.Sent> sent = new ArrayList<>();
    private final Map<UUID, NotificationWatcher.Seen> seen = new HashMap<>();

    /** A report meant to leave at {@code at} seconds, answered {@code status}, both notifications {@code after} seconds later. */
    private void report(double at, int status, double after) {
        notified(at, status, after, 1, 1);
    }

    private void notified(double at, int status, double after, int hfds, int regional) {
        UUID id = UUID.randomUUID();
        long intended = Math.round(at * SECOND);
        sent.add(new ChaosLoad.Sent(id, intended, status, status == 503, intended + 5_000_000, 0, null));
        if (after >= 0) {
            seen.put(id, new NotificationWatcher.Seen(hfds, regional, intended + Math.round(after * SECOND)));
        }
    }

    private FaultResult result() {
        return FaultResult.of("f", "a fault", FAULT, 0, 20.0, sent, id -> seen.getOrDefault(id, NotificationWatcher.Seen.NOTHING),
                HEALTHY, "");
    }

    @Test
    void aFaultNobodyNoticedTakesNoTimeToRecoverFrom() {
        report(9, 202, 0.1);
        report(11, 202, 0.2);
        report(12, 202, 1.9);
        FaultResult result = result();
        assertThat(result.recoverySeconds()).isEqualTo(0.0);
        assertThat(result.affected()).isZero();
        assertThat(List.of(result.sent(), result.accepted(), result.notified(), result.lost())).containsExactly(3L, 3L, 3L, 0L);
        assertThat(result.passed()).isTrue();
    }

    @Test
    void recoveryRunsFromTheFaultToTheLastAffectedReportOfThePhase() {
        report(9, 202, 5);       // slow, but before the fault: not the fault's doing
        report(11, 202, 6);      // late
        report(12, 202, 0.5);
        report(13, 503, -1);     // refused, told so
        report(14, 202, 0.3);
        FaultResult result = result();
        assertThat(result.recoverySeconds()).isEqualTo(3.0);
        assertThat(result.affected()).isEqualTo(2);
        assertThat(result.refused503()).isEqualTo(1);
        assertThat(result.lost()).isZero();
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aPhaseWhoseLastReportIsStillAffectedDidNotRecover() {
        report(11, 202, 0.1);
        report(12, 202, 3);
        assertThat(result().recoverySeconds()).isNull();
    }

    @Test
    void anAcceptedReportNeverNotifiedIsLost() {
        report(11, 202, 0.1);
        report(12, 202, -1);
        notified(13, 202, 0.1, 1, 0);    // its ARS never heard of it
        FaultResult result = result();
        assertThat(result.lost()).isEqualTo(2);
        assertThat(result.notified()).isEqualTo(1);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aSecondNotificationOfEitherKindIsADuplicate() {
        notified(11, 202, 0.1, 2, 1);
        notified(12, 202, 0.1, 1, 2);
        report(13, 202, 0.1);
        FaultResult result = result();
        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.passed()).isFalse();
    }

    @Test
    void refusalsMustBe503WithRetryAfterOrAnErrorTheClientSaw() {
        report(11, -1, -1);
        assertThat(result().passed()).as("no HTTP answer: the client knows it was not accepted").isTrue();
        sent.add(new ChaosLoad.Sent(UUID.randomUUID(), 12 * SECOND, 503, false, 12 * SECOND, 0, null));
        FaultResult without = result();
        assertThat(without.without503RetryAfter()).isEqualTo(1);
        assertThat(without.passed()).isFalse();
        sent.remove(sent.size() - 1);
        report(12, 500, -1);
        assertThat(result().status500()).isEqualTo(1);
        assertThat(result().passed()).isFalse();
        sent.remove(sent.size() - 1);
        report(12, 404, -1);
        assertThat(result().otherStatuses()).containsEntry(404, 1L);
        assertThat(result().passed()).isFalse();
    }

    @Test
    void aPhaseWithoutAFaultHasNoRecoveryButCountsItsSlowReports() {
        report(11, 202, 3);
        report(12, 202, 0.1);
        FaultResult control = FaultResult.control("none", "no fault", sent,
                id -> seen.getOrDefault(id, NotificationWatcher.Seen.NOTHING), HEALTHY);
        assertThat(control.recoverySeconds()).isNull();
        assertThat(control.control()).isTrue();
        assertThat(control.affected()).isEqualTo(1);
    }

    @Test
    void aFaultWhosePartsWereNotBackInTimeStillHasItsRecovery() {
        report(11, 202, 3);
        report(12, 202, 0.1);
        FaultResult result = FaultResult.of("f", "a fault", FAULT, 0, null, sent,
                id -> seen.getOrDefault(id, NotificationWatcher.Seen.NOTHING), HEALTHY, "");
        assertThat(result.control()).isFalse();
        assertThat(result.recoverySeconds()).isEqualTo(1.0);
    }
}
