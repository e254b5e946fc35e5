package org.psig.triage.flow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The incidents triage has already handled, per input partition, so that a report posted twice gives
 * one verdict. Backed by a compacted topic written in the same transaction as the verdict and
 * partitioned like {@code psig.incident.reported}: a consumer that takes over a partition reloads
 * exactly the memory that goes with its committed offset.
 */
@Component
public class SeenIncidents {

    public static final String TOPIC = "psig.triage.seen-incidents";
    private static final Logger log = LoggerFactory.getLogger(SeenIncidents.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Integer, Map<String, String>> byPartition = new ConcurrentHashMap<>();
    private final KafkaAdmin kafkaAdmin;
    private final KafkaTemplate<Object, Object> template;

    SeenIncidents(KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template) {
        this.kafkaAdmin = kafkaAdmin;
        this.template = template;
    }

    Optional<String> fingerprint(int partition, String incidentId) {
        return Optional.ofNullable(byPartition.getOrDefault(partition, Map.of()).get(incidentId));
    }

    /** Writes inside the current transaction; memory is updated only once that transaction commits. */
    void remember(int partition, String incidentId, String fingerprint) {
        template.send(TOPIC, partition, incidentId, fingerprint.getBytes(StandardCharsets.UTF_8));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                byPartition.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(incidentId, fingerprint);
            }
        });
    }

    void load(Collection<TopicPartition> assigned) {
        Map<String, Object> config = kafkaAdmin.getConfigurationProperties();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            for (TopicPartition input : assigned) {
                byPartition.put(input.partition(), loadPartition(consumer, new TopicPartition(TOPIC, input.partition())));
            }
        }
    }

    void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(tp -> byPartition.remove(tp.partition()));
    }

    private Map<String, String> loadPartition(KafkaConsumer<String, String> consumer, TopicPartition partition) {
        Map<String, String> seen = new ConcurrentHashMap<>();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), LOAD_TIMEOUT).get(partition);
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        while (consumer.position(partition, LOAD_TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not reload " + partition + " within " + LOAD_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.put(record.key(), record.value());
            }
        }
        log.info("Reloaded {} already-triaged incidents for partition {}.", seen.size(), partition.partition());
        return seen;
    }
}
