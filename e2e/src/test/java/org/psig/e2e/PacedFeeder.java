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
 * Publishes records at a steady pace, 12.5 a second (1,000 in 80 s, twice as long as four restarts
 * take), so that a kill test's kills land while work remains: a service that consumes poll batches
 * takes a whole backlog faster than a test could kill it.
 */
final class PacedFeeder implements AutoCloseable {

    private static final int PER_TICK = 5;
    private static final long TICK_MILLIS = 400;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    PacedFeeder(String brokers, List<ProducerRecord<String, Object>> records) {
        KafkaProducer<String, Object> producer = Verdicts.producer(brokers);
        AtomicInteger next = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            for (int i = 0; i < PER_TICK && next.get() < records.size(); i++) {
                producer.send(records.get(next.getAndIncrement()));
            }
            if (next.get() == records.size()) {
                producer.close();
                throw new CancellationException("every record was sent");
            }
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
