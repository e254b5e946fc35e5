package org.psig.intake.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of API requests in flight. Beyond it a request waits at most {@code maxWait} for
 * a place and is then refused, so that an overload is answered at once with a 503 instead of
 * queueing every request until callers time out (Little's law: the queue only grows).
 */
final class Admission {

    private final int maxInFlight;
    private final Duration maxWait;
    private final Semaphore places;

    Admission(int maxInFlight, Duration maxWait) {
        this.maxInFlight = maxInFlight;
        this.maxWait = maxWait;
        this.places = new Semaphore(maxInFlight);
    }

    /** Takes a place, or throws {@link OverloadedException} if none freed up within the wait. */
    void enter() {
        try {
            if (!places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new OverloadedException(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OverloadedException(maxInFlight);
        }
    }

    /** Gives back the place {@link #enter} took. */
    void leave() {
        places.release();
    }

    int inFlight() {
        return maxInFlight - places.availablePermits();
    }

    /** Every place was taken for the whole wait. */
    static final class OverloadedException extends RuntimeException {

        OverloadedException(int maxInFlight) {
            super("All " + maxInFlight + " places for requests in flight are taken", null, false, false);
        }
    }
}
