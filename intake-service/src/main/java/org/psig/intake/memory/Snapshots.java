package org.psig.intake.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.common.TopicPartition;
import org.psig.intake.config.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Where the intake's memories keep their snapshots, so that a restart reads only what was written
 * since the last one instead of every topic from its beginning: start-up then costs the snapshot's
 * size plus the tail, not the years of history. The topics stay the truth: a missing, torn or
 * outdated snapshot only means reading them whole. Without a directory configured, none is kept.
 */
@Component
public class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);
    private static final Duration LAST_WRITE = Duration.ofSeconds(30);

    private final Optional<Path> directory;
    private final Duration interval;
    private final KafkaAdmin admin;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "intake-snapshot-writer");
        thread.setDaemon(true);
        return thread;
    });
    /** The kinds being written: a memory skips its turn while its last snapshot is still being written. */
    private final Set<String> writing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> topicIds = new ConcurrentHashMap<>();

    Snapshots(IntakeProperties properties, KafkaAdmin admin) {
        this.directory = Optional.ofNullable(properties.snapshots().directory());
        this.interval = properties.snapshots().interval();
        this.admin = admin;
    }

    /** The snapshots of one memory, which {@code body} writes. */
    public SnapshotSchedule schedule(String kind, SnapshotFile.BodyWriter body) {
        return new SnapshotSchedule(this, kind, body);
    }

    /** How often a memory that moved writes a new snapshot. */
    Duration interval() {
        return interval;
    }

    boolean enabled() {
        return directory.isPresent();
    }

    /**
     * The last snapshot of this kind if it still stands for the topics as they are ({@link SnapshotCheck});
     * empty, with the reason logged, when there is none or it cannot be used.
     */
    public <T> Optional<SnapshotFile.Content<T>> load(String kind, SnapshotFile.BodyReader<T> body,
            Function<Collection<TopicPartition>, Map<TopicPartition, Long>> endsOf) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = file(kind);
        long start = System.nanoTime();
        try {
            SnapshotFile.Content<T> content = SnapshotFile.read(file, kind, body);
            Map<String, String> topicIds = topicIds(content.coverage().topicIds().keySet());
            Optional<String> unusable = SnapshotCheck.unusable(content.coverage(), topicIds,
                    endsOf.apply(content.coverage().positions().keySet()));
            if (unusable.isPresent()) {
                log.warn("The snapshot {} is not used, the topics are read whole: {}.", file, unusable.get());
                return Optional.empty();
            }
            log.info("Read the snapshot {} of {} in {} ms.", file, content.coverage().writtenAt(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return Optional.of(content);
        } catch (NoSuchFileException absent) {
            log.info("No snapshot {} yet: the topics are read whole.", file);
        } catch (IOException | RuntimeException e) {
            log.warn("The snapshot {} could not be read, the topics are read whole: {}", file, e.toString());
        }
        return Optional.empty();
    }

    /**
     * Writes a snapshot in the background, unless one of this kind is being written; {@code body} runs on the
     * writer's thread and must write everything before {@code positions}, more being harmless.
     */
    void save(String kind, Map<TopicPartition, Long> positions, SnapshotFile.BodyWriter body) {
        if (directory.isPresent() && writing.add(kind)) {
            writer.submit(() -> {
                try {
                    write(kind, positions, body);
                } finally {
                    writing.remove(kind);
                }
            });
        }
    }

    /** Writes a last snapshot when a memory stops, waiting for a write in progress first. */
    void saveNow(String kind, Map<TopicPartition, Long> positions, SnapshotFile.BodyWriter body) {
        if (directory.isEmpty() || positions.isEmpty()) {
            return;
        }
        Future<?> done = writer.submit(() -> write(kind, positions, body));
        try {
            done.get(LAST_WRITE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The last snapshot of {} was not written: {}", kind, e.toString());
        }
    }

    private void write(String kind, Map<TopicPartition, Long> positions, SnapshotFile.BodyWriter body) {
        long start = System.nanoTime();
        try {
            Path file = file(kind);
            Files.createDirectories(file.getParent());
            Set<String> topics = positions.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            var coverage = new SnapshotFile.Coverage(Instant.now(), topicIds(topics), positions);
            SnapshotFile.write(file, kind, coverage, body);
            log.debug("Wrote the snapshot {} in {} ms.", file, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (IOException | RuntimeException e) {
            log.warn("The snapshot of {} was not written (the next start reads more of the topics): {}", kind, e.toString());
        }
    }

    /**
     * Asked of the broker once per topic, not at every snapshot (each question opens an admin client). A
     * topic created again while this runs keeps its old id here: the next start then refuses the
     * snapshot and reads the topics whole, which is safe.
     */
    private Map<String, String> topicIds(Set<String> topics) {
        String[] unknown = topics.stream().filter(topic -> !topicIds.containsKey(topic)).toArray(String[]::new);
        if (unknown.length > 0) {
            admin.describeTopics(unknown).values()
                    .forEach(description -> topicIds.put(description.name(), description.topicId().toString()));
        }
        return topics.stream().filter(topicIds::containsKey).collect(Collectors.toMap(topic -> topic, topicIds::get));
    }

    private Path file(String kind) {
        return directory.orElseThrow().resolve(kind + ".snapshot");
    }

    @PreDestroy
    void close() {
        writer.shutdown();
    }
}
