package org.psig.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.psig.schemas.Topics;

/**
 * Reads every notification topic as a {@code read_committed} recipient would, and tells, for each
 * expected incident, when both of its notifications (HFDS, and ARS or unrouted) had become
 * visible, and how many of each arrived.
 */
final class NotificationWatcher implements AutoCloseable {

    /** What is expected of one incident and what was seen of it. */
    static final class Expected {
        final long intendedNanos;
        final Latencies latencies;
        int hfds;
        int regional;
        long completedNanos;

        Expected(long intendedNanos, Latencies latencies) {
            this.intendedNanos = intendedNanos;
            this.latencies = latencies;
        }

        boolean complete() {
            return hfds > 0 && regional > 0;
        }
    }

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    NotificationWatcher(String bootstrap, List<String> topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // As the pipeline's consumers (psig-kafka.yml): a committed record is not left waiting 500 ms.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 25);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(this::run, "notification-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Registers an incident before its report is sent. */
    void expect(UUID incidentId, long intendedNanos, Latencies latencies) {
        expected.put(incidentId.toString(), new Expected(intendedNanos, latencies));
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                Expected incident = expected.get(record.key());
                if (incident == null) {
                    continue;
                }
                synchronized (incident) {
                    boolean wasComplete = incident.complete();
                    if (record.topic().equals(Topics.NOTIFICATION_HFDS)) {
                        incident.hfds++;
                    } else {
                        incident.regional++;
                    }
                    if (!wasComplete && incident.complete()) {
                        incident.completedNanos = now;
                        incident.latencies.record(incident.intendedNanos, now);
                    }
                }
            }
        }
        consumer.close();
    }

    /** Waits until every incident of the list is complete, or the deadline passes; returns the complete count. */
    long awaitComplete(List<UUID> incidents, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long complete = 0;
        while (System.nanoTime() < deadline) {
            complete = incidents.stream().filter(id -> isComplete(id)).count();
            if (complete == incidents.size()) {
                return complete;
            }
            Sleeps.millis(200);
        }
        return complete;
    }

    boolean isComplete(UUID incidentId) {
        Expected incident = expected.get(incidentId.toString());
        if (incident == null) {
            return false;
        }
        synchronized (incident) {
            return incident.complete();
        }
    }

    /** What was seen of one incident: its notifications of each kind, and when both were first visible (0: not yet). */
    record Seen(int hfds, int regional, long completedNanos) {

        static final Seen NOTHING = new Seen(0, 0, 0);

        boolean complete() {
            return hfds > 0 && regional > 0;
        }

        boolean duplicated() {
            return hfds > 1 || regional > 1;
        }
    }

    Seen seen(UUID incidentId) {
        Expected incident = expected.get(incidentId.toString());
        if (incident == null) {
            return Seen.NOTHING;
        }
        synchronized (incident) {
            return new Seen(incident.hfds, incident.regional, incident.completedNanos);
        }
    }

    /** Incidents with more than one HFDS or more than one regional notification. */
    long duplicated(List<UUID> incidents) {
        return incidents.stream().map(id -> expected.get(id.toString())).filter(incident -> {
            synchronized (incident) {
                return incident.hfds > 1 || incident.regional > 1;
            }
        }).count();
    }

    /** The latest completion among the incidents, or 0 if one is incomplete. */
    long lastCompletionNanos(List<UUID> incidents) {
        long last = 0;
        for (UUID id : incidents) {
            Expected incident = expected.get(id.toString());
            synchronized (incident) {
                if (!incident.complete()) {
                    return 0;
                }
                last = Math.max(last, incident.completedNanos);
            }
        }
        return last;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5000);
    }
}
