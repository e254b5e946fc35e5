package org.psig.intake.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstAtOnceThenRefuseWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.take(0)).isEmpty();
        assertThat(bucket.take(0)).isEmpty();
        assertThat(bucket.take(0)).isEmpty();
        assertThat(bucket.take(0)).contains(Duration.ofMillis(500));
    }

    @Test
    void shouldRefillAtTheSustainedRateUpToTheBurstOnly() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(SECOND / 2)).isEmpty();
        assertThat(bucket.take(SECOND / 2)).isPresent();
        assertThat(bucket.take(100 * SECOND)).isEmpty();
        assertThat(bucket.take(100 * SECOND)).isEmpty();
        assertThat(bucket.take(100 * SECOND)).isEmpty();
        assertThat(bucket.take(100 * SECOND)).isPresent();
    }
}
