package org.psig.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
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
@EnableConfigurationProperties(TopicProperties.class)
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

    /**
     * Listeners run in Kafka transactions, so failures land here rather than in an error handler:
     * three quick retries (well under max.poll.interval.ms), then the dead-letter topic, whose write
     * commits together with the source offset.
     */
    @Bean
    AfterRollbackProcessor<Object, Object> deadLetteringAfterRollbackProcessor(
            KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        ExponentialBackOff backOff = new ExponentialBackOff(100, 2.0);
        backOff.setMaxAttempts(3);
        backOff.setMaxInterval(1_000);
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                DeadLetters.recoverer(template, meters), backOff, template, true);
        processor.addNotRetryableExceptions(PoisonRecordException.class);
        return processor;
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
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }
}
