package org.psig.e2e;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes records at a steady pace, 50 a second (1,000 in 20 s), so that a kill test's kills land
 * while work remains: a service that consumes poll batches takes a whole backlog faster than a test
 * could kill it. It publishes no further than its limit,
 * which the test raises as the service works: on a slow machine the feed waits for the service,
 * rather than running ahead until nothing remains to kill the service in the middle of.
 */
final class PacedFeeder implements AutoCloseable {

    private static final int PER_TICK = 20;
    private static final long TICK_MILLIS = 400;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger limit;

    PacedFeeder(String brokers, List<ProducerRecord<String, Object>> records, int limit) {
        this.limit = new AtomicInteger(limit);
        KafkaProducer<String, Object> producer = Verdicts.producer(brokers);
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            for (int i = 0; i < PER_TICK && next.get() < Math.min(records.size(), this.limit.get()); i++) {
                producer.send(records.get(next.getAndIncrement()));
            }
            if (next.get() == records.size()) {
                producer.close();
                throw new CancellationException("every record was sent");
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Lets the feed go on up to this many records. */
    void allowUpTo(int records) {
        limit.set(records);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
