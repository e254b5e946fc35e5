package org.psig.intake.auth;

import java.time.Duration;
import java.util.Optional;

/** A token bucket: {@code burst} requests at once, then {@code perSecond} on average. */
final class TokenBucket {

    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(double perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Empty when a token was taken; otherwise how long until the next one. */
    synchronized Optional<Duration> take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) / 1e9 * perSecond);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
    }
}
