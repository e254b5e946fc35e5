package org.psig.intake.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.psig.intake.config.IntakeProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One token bucket per API key, so that one runaway sender cannot starve the others. Per instance:
 * behind a load balancer the effective limit is this one times the number of instances.
 */
@Component
public class RateLimits {

    private final IntakeProperties.RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimits(IntakeProperties properties) {
        this(properties.rateLimit(), System::nanoTime);
    }

    RateLimits(IntakeProperties.RateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Throws {@link RateLimitedException} with the wait before the next request would be taken. */
    public void take(Caller key) {
        long now = nanoTime.getAsLong();
        buckets.computeIfAbsent(key.name(), name -> new TokenBucket(limit.perSecond(), limit.burst(), now))
                .take(now)
                .ifPresent(wait -> {
                    // Whole seconds, rounded up: Retry-After has no finer unit.
                    throw new RateLimitedException(key.name(), Duration.ofSeconds(Math.max(1, (wait.toMillis() + 999) / 1000)));
                });
    }
}
