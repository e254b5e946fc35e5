package org.psig.intake.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.psig.intake.memory.KnownReport;
import org.psig.testsupport.Samples;
import org.springframework.test.context.TestPropertySource;

/**
 * With every place for requests in flight taken, the next request is refused with 503 and Retry-After
 * once the configured wait is over, without its body being read or anything being published; the
 * place is free again once the request holding it is answered.
 */
@TestPropertySource(properties = {"psig.intake.admission.max-in-flight=1", "psig.intake.admission.max-wait=50ms"})
class AdmissionTest extends IntakeWebTestBase {

    private static final String OTHER = Samples.report("data-leak-esms-paca");

    @Test
    void shouldRefuseARequestBeyondTheLimitAtOnceAndTakeTheNextOnceAPlaceIsFree() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch acknowledged = new CountDownLatch(1);
        when(publisher.publish(any(), anyLong())).thenAnswer(call -> {
            writing.countDown();
            assertThat(acknowledged.await(10, TimeUnit.SECONDS)).isTrue();
            return new KnownReport.Position(0, 0);
        });
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> statusOf(SAMPLE));
        assertThat(writing.await(10, TimeUnit.SECONDS)).as("the first request holds the one place").isTrue();

        long start = System.nanoTime();
        postReport(OTHER)
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("urn:psig:problem:temporarily-unavailable"))
                .andExpect(jsonPath("$.detail").value(containsString("nothing was accepted")));
        Duration refusedAfter = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refusedAfter).isBetween(Duration.ofMillis(50), Duration.ofSeconds(2));
        assertThat(meters.counter("psig.intake.admission.refused").count()).isEqualTo(1.0);

        acknowledged.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
        postReport(OTHER).andExpect(status().isAccepted());
        verify(publisher, times(2)).publish(any(), anyLong());
    }

    private int statusOf(String body) {
        try {
            return postReport(body).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
