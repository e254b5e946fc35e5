package org.psig.kafka.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Reads from the broker, at a fixed interval, what a service's own metrics cannot count: the lag
 * of each consumer group it runs, per partition ({@code psig_kafka_consumer_lag}), the age of the
 * oldest record each group has still to process ({@code psig_kafka_oldest_waiting_seconds}), and the dead
 * letters of the topics it consumes that wait for a replay ({@code psig_dead_letters_waiting}).
 * A reading that fails (the broker away) keeps the last values: the readiness gauge tells that
 * the service cannot reach Kafka.
 */
public final class KafkaPositions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaPositions.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaListenerEndpointRegistry listeners;
    private final List<WatchedGroup> watched;
    private final Duration interval;
    private final MultiGauge lag;
    private final MultiGauge waiting;
    private final MultiGauge oldest;
    private final Clock clock;
    private final DeadLetterTally tally = new DeadLetterTally();
    private ScheduledExecutorService reader;
    private AdminClient admin;
    private DeadLetterReader deadLetters;
    private WaitingRecords waitingRecords;

    public KafkaPositions(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners, List<WatchedGroup> watched,
                          MeterRegistry meters,
                          KafkaMetricsProperties properties) {
        this.kafkaAdmin = kafkaAdmin;
        this.listeners = listeners;
        this.watched = List.copyOf(watched);
        this.interval = properties.kafkaInterval();
        this.lag = MultiGauge.builder("psig.kafka.consumer.lag")
                .description("Committed records a consumer group has still to process, per partition")
                .register(meters);
        this.waiting = MultiGauge.builder("psig.dead.letters.waiting")
                .description("Records in a dead-letter topic not replayed yet (./psig replay-dlt)")
                .register(meters);
        this.oldest = MultiGauge.builder("psig.kafka.oldest.waiting")
                .description("Age of the oldest record a consumer group has still to process; 0 when none waits")
                .baseUnit("seconds")
                .register(meters);
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized void start() {
        reader = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "psig-kafka-positions");
            thread.setDaemon(true);
            return thread;
        });
        reader.scheduleWithFixedDelay(this::read, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (reader == null) {
            return;
        }
        // The consumer is closed by the thread that uses it: a KafkaConsumer is not thread-safe.
        reader.execute(this::close);
        reader.shutdown();
        try {
            reader.awaitTermination(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        reader = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return reader != null;
    }

    private void read() {
        try {
            Map<String, Set<String>> topicsByGroup = topicsByGroup();
            if (topicsByGroup.isEmpty()) {
                return;
            }
            List<MultiGauge.Row<?>> ages = new ArrayList<>();
            lag.register(lagRows(topicsByGroup, ages), true);
            oldest.register(ages, true);
            Set<String> deadLetterTopics = topicsByGroup.values().stream().flatMap(Set::stream)
                    .map(Topics::deadLetters).collect(Collectors.toCollection(TreeSet::new));
            waiting.register(waitingRows(deadLetterTopics), true);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException failed) {
            log.warn("Could not read consumer lag and dead letters from Kafka; keeping the last values: {}",
                    failed.getMessage());
        }
    }

    private Map<String, Set<String>> topicsByGroup() {
        Map<String, Set<String>> topics = new HashMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] listened = container.getContainerProperties().getTopics();
            if (container.getGroupId() != null && listened != null) {
                topics.computeIfAbsent(container.getGroupId(), any -> new TreeSet<>()).addAll(List.of(listened));
            }
        }
        watched.forEach(group -> topics.computeIfAbsent(group.groupId(), any -> new TreeSet<>()).addAll(group.topics()));
        return topics;
    }

    /** The lag of each group per partition; into {@code ages}, the age of its oldest waiting record per topic. */
    private List<MultiGauge.Row<?>> lagRows(Map<String, Set<String>> topicsByGroup, List<MultiGauge.Row<?>> ages)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
            List<TopicPartition> partitions = partitions(group.getValue());
            Map<TopicPartition, Long> committed = committed(group.getKey(), partitions);
            Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> lags = ConsumerLag.of(committed, starts, offsets(partitions, OffsetSpec.latest()));
            lags.forEach((partition, records) -> rows.add(MultiGauge.Row.of(Tags.of("group", group.getKey(),
                    "topic", partition.topic(), "partition", Integer.toString(partition.partition())), records)));
            for (String topic : group.getValue()) {
                Map<TopicPartition, Long> waitingFrom = new HashMap<>();
                lags.forEach((partition, records) -> {
                    if (records > 0 && partition.topic().equals(topic)) {
                        waitingFrom.put(partition, Math.max(committed.getOrDefault(partition, 0L),
                                starts.getOrDefault(partition, 0L)));
                    }
                });
                double age = waitingRecords().oldest(waitingFrom, TIMEOUT)
                        .map(written -> Math.max(0, Duration.between(written, clock.instant()).toMillis() / 1000.0))
                        .orElse(0.0);
                ages.add(MultiGauge.Row.of(Tags.of("group", group.getKey(), "topic", topic), age));
            }
        }
        return rows;
    }

    private WaitingRecords waitingRecords() {
        if (waitingRecords == null) {
            waitingRecords = new WaitingRecords(kafkaAdmin.getConfigurationProperties());
        }
        return waitingRecords;
    }

    private List<MultiGauge.Row<?>> waitingRows(Set<String> deadLetterTopics)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions = partitions(existing(deadLetterTopics));
        partitions.forEach(tally::watch);
        if (deadLetters == null) {
            deadLetters = new DeadLetterReader(kafkaAdmin.getConfigurationProperties());
        }
        deadLetters.readNew(partitions, tally, TIMEOUT);
        Map<TopicPartition, Long> replayed = committed(Topics.DEAD_LETTER_REPLAY_GROUP, partitions);
        return tally.waiting(replayed).entrySet().stream()
                .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(Tags.of("topic", entry.getKey()), entry.getValue()))
                .toList();
    }

    private Set<String> existing(Set<String> topics) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> all = admin().listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return topics.stream().filter(all::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    private List<TopicPartition> partitions(Collection<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return List.of();
        }
        return admin().describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .values().stream()
                .flatMap(topic -> topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> committed(String group, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && partitions.contains(partition)) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> asked = partitions.stream().collect(Collectors.toMap(p -> p, p -> spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin().listOffsets(asked, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private AdminClient admin() {
        if (admin == null) {
            admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    private void close() {
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (waitingRecords != null) {
            waitingRecords.close();
        }
        if (admin != null) {
            admin.close(TIMEOUT);
        }
    }
}
