package org.psig.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.commons.logging.LogFactory;
import org.slf4j.MDC;
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
 *
 * <p>Each record is handled in an observation continuing the trace its headers carry (a batch has
 * no single parent), so that what it publishes carries the same trace on to the next hop, and its
 * log lines carry the traceId and the incidentId (the record's key).
 */
public final class BatchTransactions {

    private static final LogAccessor log = new LogAccessor(LogFactory.getLog(BatchTransactions.class));

    private final KafkaTemplate<Object, Object> template;
    private final ConsumerRecordRecoverer deadLetters;
    private final DistributionSummary batchSizes;
    private final Counter committed;
    private final Counter rolledBack;
    private final ObservationRegistry observations;

    public BatchTransactions(KafkaTemplate<Object, Object> template, ConsumerRecordRecoverer deadLetters,
                             MeterRegistry meters, ObservationRegistry observations) {
        this.template = template;
        this.observations = observations;
        this.deadLetters = deadLetters;
        this.batchSizes = DistributionSummary.builder("psig.batch.records")
                .description("Records consumed per poll batch, and so per Kafka transaction")
                .register(meters);
        this.committed = transactions(meters, "committed");
        this.rolledBack = transactions(meters, "rolled_back");
    }

    private Observation observation(ConsumerRecord<String, ?> record) {
        ReceiverContext<ConsumerRecord<String, ?>> context = new ReceiverContext<>((carrier, key) -> {
            Header header = carrier.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        return Observation.createNotStarted("psig.record", () -> context, observations)
                .contextualName(record.topic() + " process")
                .lowCardinalityKeyValue("topic", record.topic());
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
            boolean handled;
            try (MDC.MDCCloseable incident = MDC.putCloseable("incidentId", record.key())) {
                handled = observation(record).observe(() -> {
                    try {
                        handler.handle(record.value(), seen, out);
                    } catch (RuntimeException refused) {
                        deadLetters.accept(record, refused);
                        return false;
                    }
                    out.records().forEach(template::send);
                    return true;
                });
            }
            if (!handled) {
                continue;
            }
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
