package org.psig.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Processes one poll batch inside the listener container's Kafka transaction, so that the batch's
 * output, the memory it writes and its consumed offsets commit together, once per poll rather than
 * once per record. A lone record is a batch of one and commits at once.
 *
 * <p>Each record is decided alone. A record that cannot be decoded, or that its handler refuses,
 * goes to the dead-letter topic in the same transaction while the rest of the batch goes on. Any
 * other failure (Kafka or the registry unreachable, a memory that cannot be reloaded) is thrown: the
 * whole batch rolls back and is retried, and nothing of it is published twice.
 */
public final class BatchTransactions {

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(BatchTransactions.class));

    private final KafkaTemplate<Object, Object> template;
    private final ConsumerRecordRecoverer deadLetters;
    private final DistributionSummary batchSizes;
    private final Counter committed;
    private final Counter rolledBack;

    public BatchTransactions(KafkaTemplate<Object, Object> template, ConsumerRecordRecoverer deadLetters,
                             MeterRegistry meters) {
        this.template = template;
        this.deadLetters = deadLetters;
        this.batchSizes = DistributionSummary.builder("psig.batch.records")
                .description("Records consumed per poll batch, and so per Kafka transaction")
                .register(meters);
        this.committed = transactions(meters, "committed");
        this.rolledBack = transactions(meters, "rolled_back");
    }

    private static Counter transactions(MeterRegistry meters, String outcome) {
        return Counter.builder("psig.kafka.transactions").tag("outcome", outcome)
                .description("Kafka transactions of poll batches, by how they ended").register(meters);
    }

    public <V> void process(List<ConsumerRecord<String, V>> records, IncidentMemory memory, RecordHandler<V> handler) {
        memory.refreshIfStale();
        Map<String, String> remembered = new HashMap<>();
        List<Runnable> afterCommit = new ArrayList<>();
        RecordHandler.Memory seen = incidentId -> Optional.ofNullable(remembered.get(incidentId))
                .or(() -> memory.find(incidentId));
        for (ConsumerRecord<String, V> record : records) {
            DeserializationException undecodable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, log);
            if (undecodable != null || record.value() == null) {
                deadLetters.accept(record, undecodable != null ? undecodable
                        : new PoisonRecordException("The record has no value"));
                continue;
            }
            RecordOutput out = new RecordOutput();
            try {
                handler.handle(record.value(), seen, out);
            } catch (RuntimeException refused) {
                deadLetters.accept(record, refused);
                continue;
            }
            out.records().forEach(template::send);
            remembered.putAll(out.remembered());
            afterCommit.addAll(out.afterCommitActions());
        }
        memory.remember(remembered);
        afterCommit.add(() -> batchSizes.record(records.size()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.forEach(Runnable::run);
            }

            @Override
            public void afterCompletion(int status) {
                (status == STATUS_COMMITTED ? committed : rolledBack).increment();
            }
        });
    }
}
