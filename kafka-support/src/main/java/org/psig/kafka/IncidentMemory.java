package org.psig.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a consume-process-produce service has already done, per incident, so that a record seen twice
 * (a resend, a replayed dead letter) is recognised. Backed by a compacted topic written in the same
 * transaction as the service's output and consumed offset.
 *
 * <p>After every rebalance a consumer thread reloads the memory before its next record, not in the
 * rebalance callback: by then the consumer has fetched its committed offsets, which waits for the
 * previous owner's pending transactions, so the reload sees every incident committed before that
 * offset. Listeners call {@link #invalidate()} on assignment, on their consumer thread, and
 * {@link #refreshIfStale()} before each batch. Several
 * consumer threads share one memory: reloads add to it and never replace it, so an incident another
 * thread remembered meanwhile is never forgotten.
 */
public class IncidentMemory {

    private static final Logger log = LoggerFactory.getLogger(IncidentMemory.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaAdmin kafkaAdmin;
    private final KafkaTemplate<Object, Object> template;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    /** Per consumer thread: whether its partitions moved since it last reloaded. */
    private final ThreadLocal<Boolean> stale = ThreadLocal.withInitial(() -> true);

    public IncidentMemory(String topic, KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template) {
        this.topic = topic;
        this.kafkaAdmin = kafkaAdmin;
        this.template = template;
    }

    /** The compacted, never-expiring topic that holds this memory. */
    public NewTopic newTopic(TopicProperties topics) {
        NewTopic memory = topics.newTopic(topic);
        memory.configs().put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        memory.configs().put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        return memory;
    }

    public String topic() {
        return topic;
    }

    /** Reloads what other instances committed if this thread's partitions moved since it last did. */
    public void refreshIfStale() {
        if (stale.get()) {
            synchronized (this) {
                values.putAll(load());
            }
            stale.set(false);
        }
    }

    /** The value remembered for an incident; call {@link #refreshIfStale()} first on a consumer thread. */
    public Optional<String> find(String incidentId) {
        return Optional.ofNullable(values.get(incidentId));
    }

    /** Writes inside the current transaction; memory is updated only once that transaction commits. */
    public void remember(Map<String, String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, String> copy = Map.copyOf(entries);
        copy.forEach((incidentId, value) -> template.send(topic, incidentId, value.getBytes(StandardCharsets.UTF_8)));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                values.putAll(copy);
            }
        });
    }

    /** Partitions moved: what other instances committed meanwhile must be read again. */
    public void invalidate() {
        stale.set(true);
    }

    private Map<String, String> load() {
        // The admin's settings carry the connection and its security (SASL) settings.
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, String> loaded = new HashMap<>();
        long start = System.nanoTime();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config,
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, LOAD_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOAD_TIMEOUT);
            // A deadline on progress, not on the whole load: years of history take as long as they take.
            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, LOAD_TIMEOUT) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reloading " + topic + " made no progress for " + LOAD_TIMEOUT);
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
                }
                for (ConsumerRecord<String, String> record : records) {
                    loaded.put(record.key(), record.value());
                }
            }
        }
        log.info("Reloaded {} incidents from {} in {} ms.", loaded.size(), topic,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return loaded;
    }
}
