package org.psig.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.psig.kafka.metrics.KafkaMetricsProperties;
import org.psig.kafka.metrics.KafkaPositions;
import org.psig.kafka.metrics.ReadinessGauge;
import org.psig.kafka.metrics.WatchedGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka behaviour every service shares: Avro values (and raw bytes for dead letters of records
 * that could not even be deserialized), bounded retries then a dead-letter topic, Kafka health.
 */
@AutoConfiguration
@EnableConfigurationProperties({TopicProperties.class, KafkaMetricsProperties.class})
public class KafkaSupportAutoConfiguration {

    @Bean
    @SuppressWarnings("unchecked")
    DefaultKafkaProducerFactoryCustomizer avroOrBytesValues() {
        return factory -> ((DefaultKafkaProducerFactory<Object, Object>) factory)
                .setValueSerializerSupplier(KafkaSupportAutoConfiguration::avroOrBytesSerializer);
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> avroOrBytesSerializer() {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, new SchemaOnceAvroSerializer<>());
        return (Serializer<Object>) (Serializer<?>) new DelegatingByTypeSerializer(byType, true);
    }

    @Bean
    ConsumerRecordRecoverer deadLetterRecoverer(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        return DeadLetters.recoverer(template, meters);
    }

    @Bean
    BatchTransactions batchTransactions(KafkaTemplate<Object, Object> template, ConsumerRecordRecoverer deadLetters,
                                        MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        return new BatchTransactions(template, deadLetters, meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** A listener fenced during a transaction restarts from its committed offsets: see {@link FencedListenerRestarts}. */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> stopListenersWhenFenced() {
        return FencedListenerRestarts.stopWhenFenced();
    }

    @Bean
    FencedListenerRestarts fencedListenerRestarts(MeterRegistry meters) {
        return new FencedListenerRestarts(meters);
    }

    /**
     * Listeners consume poll batches in Kafka transactions, and {@link BatchTransactions} already sends
     * a record it cannot process to the dead-letter topic. What still rolls a batch back is Kafka or
     * the registry being unreachable: the batch is retried, with a growing pause, until they answer;
     * dead-lettering it would file good reports as bad ones.
     */
    @Bean
    AfterRollbackProcessor<Object, Object> retryingAfterRollbackProcessor(KafkaTemplate<Object, Object> template,
                                                                          ConsumerRecordRecoverer deadLetters) {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxInterval(10_000);
        return new DefaultAfterRollbackProcessor<>(deadLetters, backOff, template, true);
    }

    /**
     * Spring Kafka's transaction manager disables Spring transaction synchronization; services need
     * it to update in-memory state only after their Kafka transaction has committed.
     */
    @Bean
    static BeanPostProcessor kafkaTransactionSynchronization() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaTransactionManager<?, ?> manager) {
                    manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
                }
                return bean;
            }
        };
    }

    @Bean
    KafkaPositions kafkaPositions(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners,
                                  ObjectProvider<WatchedGroup> watched, MeterRegistry meters,
                                  KafkaMetricsProperties properties) {
        return new KafkaPositions(kafkaAdmin, listeners, watched.orderedStream().toList(), meters, properties);
    }

    @Bean
    ReadinessGauge readinessGauge(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessGauge(health);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
