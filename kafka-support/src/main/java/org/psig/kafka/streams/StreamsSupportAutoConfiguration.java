package org.psig.kafka.streams;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * What every Kafka Streams service shares (triage, notification, correlation): failed threads
 * replaced with a back-off, readiness that means the threads run, the contract's Avro values.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaStreams.class)
@ConditionalOnBean(StreamsBuilderFactoryBean.class)
public class StreamsSupportAutoConfiguration {

    @Bean
    ThreadFailures threadFailures(MeterRegistry meters) {
        return new ThreadFailures(meters, Clock.systemUTC());
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads(ThreadFailures failures) {
        return factory -> factory.setStreamsUncaughtExceptionHandler(failures);
    }

    /** Named kafkaStreams: the services' readiness groups include it. */
    @Bean
    StreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams, ThreadFailures failures) {
        return new StreamsHealthIndicator(streams, failures);
    }

    @Bean
    StreamsParts streamsParts(KafkaProperties kafka, MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        return new StreamsParts(AvroValues.deserializer(AvroValues.registrySettings(kafka)), meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
