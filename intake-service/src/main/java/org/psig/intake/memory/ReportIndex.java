package org.psig.intake.memory;

import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.psig.schemas.IncidentReported;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Every report ever accepted, by incidentId, read from {@code psig.incident.reported} itself: the
 * log every intake instance writes is the shared memory of all of them, so it survives restarts and
 * is the same behind a load balancer. It reads each record's key and headers ({@link ReportHeaders}),
 * not the report itself. A background thread reads the topic from its beginning, or from where
 * the last snapshot ({@link Snapshots}) left it, then follows it; {@link #awaitRead} lets a report
 * wait until it has read that report's own write, {@link #awaitCaughtUp} lets a
 * request wait until it has seen everything committed before the request arrived.
 */
@Component
public class ReportIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportIndex.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REDISCOVER = Duration.ofMillis(200);
    private static final String SNAPSHOT = "report-index";

    private final ConsumerFactory<String, ?> consumerFactory;
    private final EndOffsets endOffsets;
    private final Map<UUID, KnownIncident> known = new ConcurrentHashMap<>();
    private final ReadPositions positions = new ReadPositions();
    private final ReaderThread reader = new ReaderThread("intake-report-index");
    private final Snapshots snapshots;
    private final SnapshotSchedule schedule;
    private volatile int fromSnapshot;
    private boolean loadedLogged;
    private Consumer<String, byte[]> consumer;
    private AvroKafkaDeserializer<Object> legacyReader;

    ReportIndex(ConsumerFactory<String, ?> consumerFactory, EndOffsets endOffsets, Snapshots snapshots) {
        this.consumerFactory = consumerFactory;
        this.endOffsets = endOffsets;
        this.snapshots = snapshots;
        this.schedule = snapshots.schedule(SNAPSHOT, this::writeSnapshot);
    }

    public Optional<KnownIncident> find(UUID incidentId) {
        return Optional.ofNullable(known.get(incidentId));
    }

    /** Every incident known, for listings; a snapshot that later writes do not change. */
    public List<KnownIncident> all() {
        return List.copyOf(known.values());
    }

    /** Every record is learnt here, in the log's order, own writes too: the first of each revision stays. */
    private void remember(KnownReport report) {
        known.merge(report.incidentId(), KnownIncident.of(report), (incident, added) -> incident.with(report));
    }

    /**
     * Returns once every report committed before this call is in {@link #find}; throws
     * {@link IndexUnavailableException} when Kafka cannot tell or the reader falls behind until the deadline.
     */
    public void awaitCaughtUp(long deadlineNanos) {
        List<TopicPartition> partitions = positions.awaitAssignment(deadlineNanos);
        Map<TopicPartition, Long> ends = endOffsets.latest(partitions, deadlineNanos);
        positions.awaitReached(ends, deadlineNanos);
    }

    /**
     * Returns once the reader has read everything that was committed when it started; throws
     * {@link IndexUnavailableException} if not by the deadline.
     */
    public void awaitLoaded(long deadlineNanos) {
        positions.awaitLoaded(deadlineNanos);
    }

    /**
     * Returns once the reader has read the record at {@code written}, and so every record before it
     * on its partition; throws {@link IndexUnavailableException} if not by the deadline. One partition
     * and no question to Kafka: the reader is already fetching what was just written.
     */
    public void awaitRead(KnownReport.Position written, long deadlineNanos) {
        positions.awaitReached(Map.of(new TopicPartition(Topics.INCIDENT_REPORTED, written.partition()),
                written.offset() + 1), deadlineNanos);
    }

    /**
     * After this instance wrote {@code written}: returns once the reader has read it, with the incident
     * if the log holds another record of the same revision before it (another instance wrote it first,
     * and the log's order decides), else empty.
     */
    public Optional<KnownIncident> writtenBefore(KnownReport.Position written, UUID incidentId, int revision,
                                                 long deadlineNanos) {
        awaitRead(written, deadlineNanos);
        return find(incidentId).filter(incident -> incident.revision(revision)
                .filter(first -> !first.position().equals(written)).isPresent());
    }

    /** True once the reader has read everything that was committed when it started. */
    public boolean loaded() {
        return positions.loaded();
    }

    public int size() {
        return known.size();
    }

    /** How many incidents this start took from the snapshot rather than from the topic. */
    public int fromSnapshot() {
        return fromSnapshot;
    }

    private void read() {
        List<TopicPartition> partitions = awaitPartitions();
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        resume(partitions, ends);
        positions.assigned(partitions, ends);
        while (reader.running()) {
            pollOnce(partitions);
        }
    }

    /**
     * The topic's partitions. On a fresh stack the topic is created as this service starts, and the
     * brokers' metadata may not name it yet: ask again until it does (the memory is not loaded, and
     * reports are answered 503, until then). Empty only once stopped.
     */
    private List<TopicPartition> awaitPartitions() {
        boolean logged = false;
        while (reader.running()) {
            try {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_REPORTED).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                log.warn("Asking for the partitions of {} failed, retrying: {}", Topics.INCIDENT_REPORTED, e.getMessage());
            }
            if (!logged) {
                log.info("{} has no partitions yet; the memory of accepted reports waits for them.", Topics.INCIDENT_REPORTED);
                logged = true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(REDISCOVER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    /** Starts from the snapshot where there is a usable one, else from the topic's beginning. */
    private void resume(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        var snapshot = snapshots.load(SNAPSHOT, SnapshotCodec::readIncidents, read -> ends);
        if (snapshot.isEmpty()) {
            consumer.seekToBeginning(partitions);
            log.info("Loading the memory of accepted reports from {} ({} partitions), from its beginning.",
                    Topics.INCIDENT_REPORTED, partitions.size());
            return;
        }
        snapshot.get().body().forEach(incident -> known.putIfAbsent(incident.incidentId(), incident));
        fromSnapshot = snapshot.get().body().size();
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> covered = snapshot.get().coverage().positions();
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, Math.max(covered.getOrDefault(partition, 0L), beginnings.get(partition)));
        }
        log.info("Loading the memory of accepted reports: {} reports from the snapshot, then {} from there.",
                fromSnapshot, Topics.INCIDENT_REPORTED);
    }

    private void pollOnce(List<TopicPartition> partitions) {
        try {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                var position = new KnownReport.Position(record.partition(), record.offset());
                Optional<KnownReport> report = ReportHeaders.read(record.key(), record.headers(), position)
                        .or(() -> decode(record, position));
                if (report.isPresent()) {
                    remember(report.get());
                } else {
                    log.warn("Record {}-{}@{} of {} is not a readable report; the intake's memory skips it.",
                            record.topic(), record.partition(), record.offset(), Topics.INCIDENT_REPORTED);
                }
            }
            Map<TopicPartition, Long> reached = partitions.stream().collect(
                    Collectors.toMap(tp -> tp, tp -> consumer.position(tp)));
            positions.advanced(reached);
            schedule.reached(() -> reached);
            if (positions.loaded() && !loadedLogged) {
                loadedLogged = true;
                log.info("The memory of accepted reports is loaded: {} reports.", known.size());
            }
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // Kafka away: keep trying; requests meanwhile answer 503 because they cannot catch up.
            log.warn("Reading {} failed, retrying: {}", Topics.INCIDENT_REPORTED, e.getMessage());
        }
    }

    /** A report written before the memory's headers existed: the value itself must be read. */
    private Optional<KnownReport> decode(ConsumerRecord<String, byte[]> record, KnownReport.Position position) {
        try {
            if (legacyReader.deserialize(record.topic(), record.headers(), record.value()) instanceof IncidentReported reported) {
                return Optional.of(KnownReport.of(reported, position));
            }
        } catch (RuntimeException undecodable) {
            log.debug("Record {}-{}@{} could not be decoded", record.topic(), record.partition(), record.offset(),
                    undecodable);
        }
        return Optional.empty();
    }

    @Override
    public void start() {
        consumer = RawConsumers.create(consumerFactory, "intake-report-index");
        legacyReader = new AvroKafkaDeserializer<>();
        legacyReader.configure(consumerFactory.getConfigurationProperties(), false);
        reader.start(consumer, this::read);
    }

    /** Everything read, possibly beyond the positions the snapshot names: a revision read twice is kept once. */
    private void writeSnapshot(DataOutputStream out) throws IOException {
        SnapshotCodec.writeIncidents(out, all());
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
