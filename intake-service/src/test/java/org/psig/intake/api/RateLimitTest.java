package org.psig.intake.api;

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
                .andExpect(header().string("Retry-After", "100"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:rate-limited"));
        postReport(SAMPLE, "Bearer bretagne-ej-key").andExpect(status().isAccepted());
    }
}
