package org.psig.kafka.streams;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What the release before this one remembered per incident, in its compacted memory topic, read as a
 * global store (on disk, bounded like every store) by a service upgraded from it. The service looks
 * an incident up there only when its own store does not know it: an incident triaged or notified
 * before the upgrade is neither triaged nor notified again, and its next revision is taken in order.
 * Nothing writes the topic any more; a stack that never ran the release before has none, and no
 * global store is added.
 */
public final class LegacyMemory {

    public static final String STORE = "earlier-release-memory";

    private LegacyMemory() {
    }

    /** Adds the topic as a read-only global store if it exists. */
    public static void addIfPresent(StreamsBuilder builder, KafkaAdmin kafkaAdmin, String topic) {
        if (exists(kafkaAdmin, topic)) {
            add(builder, topic);
        }
    }

    /** Adds the topic as a read-only global store. */
    public static void add(StreamsBuilder builder, String topic) {
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE),
                        Serdes.String(), Serdes.String()).withLoggingDisabled(), topic,
                Consumed.with(Serdes.String(), Serdes.String()).withName("read-" + topic), Loader::new);
    }

    /** The global store, if this service was upgraded from the release before. */
    public static Optional<KeyValueStore<String, String>> find(ProcessorContext<?, ?> context) {
        try {
            return Optional.ofNullable(context.getStateStore(STORE));
        } catch (StreamsException | IllegalStateException none) {
            return Optional.empty();
        }
    }

    private static boolean exists(KafkaAdmin kafkaAdmin, String topic) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not tell whether " + topic + " exists", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while looking for " + topic, interrupted);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("Kafka did not say within 30 s whether " + topic + " exists", slow);
        }
    }

    private static final class Loader implements Processor<String, String, Void, Void> {

        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> remembered) {
            store.put(remembered.key(), remembered.value());
        }
    }
}
