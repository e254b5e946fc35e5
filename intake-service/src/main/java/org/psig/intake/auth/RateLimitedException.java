package org.psig.intake.auth;

import java.time.Duration;

/** The key sent more than its rate allows; {@code retryAfter} is when it may send again. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(String keyName, Duration retryAfter) {
        super("Key '" + keyName + "' exceeded its request rate");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
