package org.psig.triage.flow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * The incidents triage has already handled, so that a report posted twice gives one verdict. Backed
 * by a compacted topic written in the same transaction as the verdict and the consumed offset.
 *
 * <p>After every rebalance the memory is reloaded before the next record is handled, not in the
 * rebalance callback: by then the consumer has fetched its committed offsets, which waits for the
 * previous owner's pending transactions, so the reload sees every incident committed before that
 * offset. Only the listener thread touches it.
 */
@Component
public class SeenIncidents {

    public static final String TOPIC = "psig.triage.seen-incidents";
    private static final Logger log = LoggerFactory.getLogger(SeenIncidents.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaAdmin kafkaAdmin;
    private final KafkaTemplate<Object, Object> template;
    private Map<String, String> fingerprints = new HashMap<>();
    private volatile boolean stale = true;

    SeenIncidents(KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template) {
        this.kafkaAdmin = kafkaAdmin;
        this.template = template;
    }

    Optional<String> fingerprint(String incidentId) {
        if (stale) {
            fingerprints = load();
            stale = false;
        }
        return Optional.ofNullable(fingerprints.get(incidentId));
    }

    /** Writes inside the current transaction; memory is updated only once that transaction commits. */
    void remember(String incidentId, String fingerprint) {
        template.send(TOPIC, incidentId, fingerprint.getBytes(StandardCharsets.UTF_8));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                fingerprints.put(incidentId, fingerprint);
            }
        });
    }

    /** Partitions moved: what other instances committed meanwhile must be read again. */
    void invalidate() {
        stale = true;
    }

    private Map<String, String> load() {
        Map<String, Object> config = kafkaAdmin.getConfigurationProperties();
        Map<String, String> loaded = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, LOAD_TIMEOUT).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LOAD_TIMEOUT);
            long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, LOAD_TIMEOUT) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not reload " + TOPIC + " within " + LOAD_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    loaded.put(record.key(), record.value());
                }
            }
        }
        log.info("Reloaded the {} incidents already triaged.", loaded.size());
        return loaded;
    }
}
