package org.psig.intake.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.psig.intake.memory.IndexUnavailableException;
import org.psig.intake.memory.RawConsumers;
import org.psig.intake.memory.ReaderThread;
import org.psig.intake.memory.SnapshotSchedule;
import org.psig.intake.memory.Snapshots;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * What happened to each incident after the intake wrote it, read from the topics themselves, so that
 * every intake instance answers the same, before and after restarts: the verdict of each revision
 * from {@code psig.incident.triaged}, and every notification, both from the records' headers.
 * A background thread reads them from their beginning, or from where the last snapshot
 * ({@link Snapshots}) left them, then follows them; topics that do not exist yet (the notification
 * service creates its own) are looked for again until they do.
 */
@Component
public class IncidentTimeline implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IncidentTimeline.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REDISCOVER = Duration.ofSeconds(5);

    private final ConsumerFactory<String, ?> consumerFactory;
    private final TimelineEntries entries = new TimelineEntries();
    /** Where each partition ended when it was found: read up to there, the status is as complete as at start. */
    private final Map<TopicPartition, Long> endsWhenFound = new ConcurrentHashMap<>();
    private final Object monitor = new Object();
    private volatile boolean loaded;
    private final ReaderThread reader = new ReaderThread("intake-incident-timeline");
    private Consumer<String, byte[]> consumer;
    private AvroKafkaDeserializer<Object> verdictReader;
    private final Snapshots snapshots;
    private final SnapshotSchedule schedule;
    /** Where the snapshot this start used left each partition; the others are read from their beginning. */
    private Map<TopicPartition, Long> resumeAt = Map.of();

    IncidentTimeline(ConsumerFactory<String, ?> consumerFactory, Snapshots snapshots) {
        this.consumerFactory = consumerFactory;
        this.snapshots = snapshots;
        this.schedule = snapshots.schedule(TimelineSnapshot.KIND, entries::write);
    }

    /** True once everything the topics held when they were found has been read. */
    public boolean loaded() {
        return loaded;
    }

    /**
     * Returns once everything the topics held when they were found has been read, so that a
     * freshly started instance does not answer a status as less advanced than the others do;
     * throws {@link IndexUnavailableException} if not by the deadline.
     */
    public void awaitLoaded(long deadlineNanos) {
        synchronized (monitor) {
            while (!loaded) {
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    throw new IndexUnavailableException("the verdicts and notifications are still being read");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IndexUnavailableException("interrupted while reading the verdicts and notifications");
                }
            }
        }
    }

    private void markLoaded() {
        synchronized (monitor) {
            loaded = true;
            monitor.notifyAll();
        }
    }

    /** How many incidents have a verdict. */
    public int verdicts() {
        return entries.verdicts();
    }

    /** The latest verdict triage published for the incident, without its reasons, and where it lies. */
    public Optional<LatestVerdict> verdict(UUID incidentId) {
        return entries.verdict(incidentId);
    }

    /**
     * Every notification sent for the incident, by revision, then time, then recipient: the order in
     * which one instance happened to read the topics must not show in its answer.
     */
    public List<Notified> notified(UUID incidentId) {
        return entries.notified(incidentId);
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topics.INCIDENT_TRIAGED, Topics.NOTIFICATION_HFDS,
                Topics.NOTIFICATION_UNROUTED));
        topics.addAll(Topics.allArsNotifications());
        return topics;
    }

    private void read() {
        resumeFromSnapshot();
        Set<TopicPartition> assigned = new HashSet<>();
        long nextDiscovery = 0;
        while (reader.running()) {
            if (System.nanoTime() >= nextDiscovery && topicsFound(assigned) < topics().size()) {
                discover(assigned);
                nextDiscovery = System.nanoTime() + REDISCOVER.toNanos();
            }
            poll();
        }
    }

    private static long topicsFound(Set<TopicPartition> assigned) {
        return assigned.stream().map(TopicPartition::topic).distinct().count();
    }

    private void discover(Set<TopicPartition> assigned) {
        try {
            Set<TopicPartition> found = new HashSet<>(assigned);
            for (String topic : topics()) {
                consumer.partitionsFor(topic).forEach(info -> found.add(new TopicPartition(topic, info.partition())));
            }
            if (found.size() > assigned.size()) {
                List<TopicPartition> added = found.stream().filter(tp -> !assigned.contains(tp)).toList();
                consumer.assign(found);
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(added);
                for (TopicPartition partition : added) {
                    consumer.seek(partition, Math.max(resumeAt.getOrDefault(partition, 0L), beginnings.get(partition)));
                }
                endsWhenFound.putAll(consumer.endOffsets(added));
                assigned.addAll(added);
            }
        } catch (KafkaException e) {
            log.warn("Looking for the verdict and notification topics failed, retrying: {}", e.getMessage());
        }
    }

    private void poll() {
        if (consumer.assignment().isEmpty()) {
            // No topic exists yet (a fresh stack): there is nothing to have missed.
            markLoaded();
            sleep();
            return;
        }
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (record.topic().equals(Topics.INCIDENT_TRIAGED)) {
                    entries.verdict(record, verdictReader);
                } else {
                    entries.notification(record);
                }
            }
            if (!loaded && endsWhenFound.entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                markLoaded();
            }
            schedule.reached(() -> {
                Map<TopicPartition, Long> reached = new HashMap<>();
                consumer.assignment().forEach(partition -> reached.put(partition, consumer.position(partition)));
                return reached;
            });
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Reading the verdict and notification topics failed, retrying: {}", e.getMessage());
        }
    }

    private void resumeFromSnapshot() {
        try {
            snapshots.load(TimelineSnapshot.KIND, TimelineSnapshot::read, consumer::endOffsets).ifPresent(snapshot -> {
                entries.restore(snapshot.body());
                resumeAt = snapshot.coverage().positions();
                log.info("Loading the verdicts and notifications: {} verdicts from the snapshot, then the topics from there.",
                        snapshot.body().verdicts().size());
            });
        } catch (KafkaException e) {
            log.warn("The snapshot of verdicts and notifications is not used, the topics are read whole: {}", e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            // Only a JVM going down interrupts this daemon thread: end it as a stop would.
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void start() {
        consumer = RawConsumers.create(consumerFactory, "intake-incident-timeline");
        verdictReader = new AvroKafkaDeserializer<>();
        verdictReader.configure(consumerFactory.getConfigurationProperties(), false);
        reader.start(consumer, this::read);
    }

    @Override
    public void stop() {
        reader.stop();
        schedule.stopped();
    }

    @Override
    public boolean isRunning() {
        return reader.running();
    }
}
