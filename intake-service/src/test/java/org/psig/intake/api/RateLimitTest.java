package org.psig.intake.api;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A key that sends faster than its rate gets 429 with Retry-After; other keys are not affected. */
@TestPropertySource(properties = {"psig.intake.rate-limit.per-second=0.01", "psig.intake.rate-limit.burst=3"})
class RateLimitTest extends IntakeWebTestBase {

    @Test
    void shouldAnswer429WithRetryAfterOnceAKeyExceedsItsBurst() throws Exception {
        for (int i = 0; i < 3; i++) {
            postReport(SAMPLE, "Bearer bretagne-site-key").andExpect(status().isAccepted());
        }

        postReport(SAMPLE, "Bearer bretagne-site-key")
                .andExpect(status().isTooManyRequests())
                // 100 s for one token at 0.01/s, less what refilled while the burst was sent (99 on a busy machine)
                .andExpect(header().string("Retry-After", matchesPattern("9[0-9]|100")))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:rate-limited"));
        postReport(SAMPLE, "Bearer bretagne-ej-key").andExpect(status().isAccepted());
    }
}
