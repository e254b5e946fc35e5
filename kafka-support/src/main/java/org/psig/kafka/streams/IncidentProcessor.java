package org.psig.kafka.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.psig.kafka.PoisonRecordException;
import org.psig.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incident's record in, what it decides out, inside the Streams task's exactly-once transaction:
 * the records sent, the state stores written and the input offset commit together or not at all.
 *
 * <p>A refusal is data, not a failure: a value that cannot be read, or that {@link #handle} refuses
 * with a {@link PoisonRecordException}, goes to {@code <topic>-dlt} with its reason, in the same
 * transaction, and the next record goes on. Anything else thrown (the registry away with a cold
 * schema cache, Kafka unreachable) is an outage: the stream thread ends, is replaced, and processes
 * the record again from the last commit; nothing of it was published.
 */
public abstract class IncidentProcessor<V> implements Processor<String, byte[], String, Output> {

    private static final Logger log = LoggerFactory.getLogger(IncidentProcessor.class);

    private final Class<V> type;
    private final Deserializer<Object> avro;
    private final RecordTracing tracing;
    private final MeterRegistry meters;
    private ProcessorContext<String, Output> context;

    protected IncidentProcessor(Class<V> type, StreamsParts parts) {
        this.type = type;
        this.avro = parts.deserializer();
        this.tracing = new RecordTracing(parts.observations());
        this.meters = parts.meters();
    }

    /**
     * What the record produces; throws {@link PoisonRecordException} to refuse it. Stores are written
     * only once the record is decided, so that a refused one leaves nothing behind.
     */
    protected abstract List<Output> handle(String incidentId, V value);

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
    }

    protected ProcessorContext<String, Output> context() {
        return context;
    }

    protected MeterRegistry meters() {
        return meters;
    }

    @Override
    public final void process(Record<String, byte[]> record) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        V value;
        try {
            value = decode(source.topic(), record);
        } catch (PoisonRecordException unreadable) {
            deadLetter(record, source, unreadable);
            return;
        }
        tracing.observe(record.headers(), source.topic(), record.key(), () -> {
            List<Output> outputs;
            try {
                outputs = handle(record.key(), value);
            } catch (PoisonRecordException refused) {
                deadLetter(record, source, refused);
                return;
            }
            for (Output output : outputs) {
                Headers headers = tracing.outgoing(output.topic());
                output.headers().forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
                context.forward(new Record<>(output.key(), output, context.currentSystemTimeMs(), headers));
            }
        });
    }

    private V decode(String topic, Record<String, byte[]> record) {
        if (!Outages.isWireFormat(record.value())) {
            throw new PoisonRecordException(record.value() == null ? "The record has no value"
                    : "The record's value is not Avro in the Confluent wire format");
        }
        Object decoded;
        try {
            decoded = avro.deserialize(topic, record.headers(), record.value());
        } catch (RuntimeException failed) {
            if (Outages.isBadRecord(failed)) {
                throw new PoisonRecordException("The record's value cannot be read: " + failed.getMessage(), failed);
            }
            throw failed;
        }
        if (!type.isInstance(decoded)) {
            throw new PoisonRecordException("The record's value is a " + decoded.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(decoded);
    }

    private void deadLetter(Record<String, byte[]> record, RecordMetadata source, PoisonRecordException reason) {
        String deadLetters = Topics.deadLetters(source.topic());
        Throwable root = rootCause(reason);
        log.warn("Record {}-{}@{} (key {}) could not be processed and goes to {}: {}", source.topic(),
                source.partition(), source.offset(), record.key(), deadLetters, reason.getMessage());
        meters.counter("psig.dead.letters", "topic", source.topic(), "exception", root.getClass().getSimpleName())
                .increment();
        Headers headers = DeadLetter.headers(record.headers(), source.topic(), source.partition(), source.offset(),
                record.timestamp(), reason);
        context.forward(new Record<>(record.key(), Output.of(deadLetters, record.key(), record.value()),
                context.currentSystemTimeMs(), headers));
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
