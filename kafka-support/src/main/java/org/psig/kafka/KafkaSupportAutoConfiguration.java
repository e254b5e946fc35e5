package org.psig.kafka;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.psig.kafka.metrics.KafkaMetricsProperties;
import org.psig.kafka.metrics.KafkaPositions;
import org.psig.kafka.metrics.ReadinessGauge;
import org.psig.kafka.metrics.WatchedGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The Kafka behaviour every service shares: Avro values (and raw bytes, for records sent as they
 * are), consumer lag and dead letters as metrics, Kafka health.
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
