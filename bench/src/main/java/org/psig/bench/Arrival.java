package org.psig.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/** What reached the end of the raw chain: each numbered record's latency, and how many came twice or never. */
final class Arrival {

    private final AtomicIntegerArray seen;
    private final CountDownLatch outstanding;
    private final AtomicLong duplicated = new AtomicLong();
    private volatile Latencies latencies;

    Arrival(int expected) {
        this.seen = new AtomicIntegerArray(expected);
        this.outstanding = new CountDownLatch(expected);
    }

    void start(long startNanos) {
        latencies = new Latencies(startNanos);
    }

    void arrived(long intendedNanos, int sequence, long nowNanos) {
        if (sequence < 0 || sequence >= seen.length()) {
            return;
        }
        if (seen.getAndIncrement(sequence) == 0) {
            latencies.record(intendedNanos, nowNanos);
            outstanding.countDown();
        } else {
            duplicated.incrementAndGet();
        }
    }

    void awaitAll(Duration timeout) throws InterruptedException {
        outstanding.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    ChainRun result(RawChain.Pattern pattern, double rate) {
        return new ChainRun(pattern, rate, seen.length(), seen.length() - latencies.count(), duplicated.get(), latencies);
    }
}
