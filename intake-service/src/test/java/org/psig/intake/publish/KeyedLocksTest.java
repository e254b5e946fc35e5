package org.psig.intake.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class KeyedLocksTest {

    private final KeyedLocks<String> locks = new KeyedLocks<>();

    @Test
    void shouldRunActionsOnTheSameKeyOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?>[] runs = new Future<?>[64];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = pool.submit(() -> {
                    start.await();
                    return locks.withLock("incident", () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.yield();
                        return inside.decrementAndGet();
                    });
                });
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInside).hasValue(1);
        assertThat(locks.size()).as("locks left behind").isZero();
    }

    @Test
    void shouldNotHoldTwoDifferentKeysAgainstEachOther() {
        String inner = locks.withLock("a", () -> locks.withLock("b", () -> "both held"));

        assertThat(inner).isEqualTo("both held");
        assertThat(locks.size()).isZero();
    }
}
