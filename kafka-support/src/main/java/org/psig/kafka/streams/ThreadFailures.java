package org.psig.kafka.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread that fails (an outage: the registry or Kafka away) is replaced, and its work since
 * the last commit is done again: under exactly-once nothing of it was published. Replacements back
 * off while failures follow each other, from {@link #FIRST_PAUSE} doubling up to {@link #LONGEST_PAUSE},
 * so that an outage is retried until it ends without spinning.
 */
public final class ThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ThreadFailures.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final Clock clock;
    private final Counter replaced;
    private final AtomicReference<String> last = new AtomicReference<>();
    private Instant lastAt = Instant.EPOCH;
    private Duration pause = Duration.ZERO;

    public ThreadFailures(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.replaced = Counter.builder("psig.streams.threads.replaced")
                .description("Stream threads ended by a failure (an outage) and replaced").register(meters);
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        Duration wait = nextPause();
        last.set(clock.instant() + " " + failure);
        log.error("A stream thread failed; it is replaced in {} ms and processes again from its last commit.",
                wait.toMillis(), failure);
        replaced.increment();
        sleep(wait);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The last failure that ended a thread, and when. */
    public Optional<String> last() {
        return Optional.ofNullable(last.get());
    }

    synchronized Duration nextPause() {
        Instant now = clock.instant();
        boolean inARow = Duration.between(lastAt, now).compareTo(LONGEST_PAUSE.multipliedBy(3)) < 0;
        pause = !inARow || pause.isZero() ? FIRST_PAUSE
                : pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        lastAt = now;
        return pause;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
