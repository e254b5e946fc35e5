package org.psig.correlation.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.psig.correlation.flow.CorrelationTopology;
import org.psig.correlation.rules.CampaignChange;
import org.psig.correlation.rules.Correlation;
import org.psig.correlation.rules.CorrelationRules;
import org.psig.correlation.rules.GrowthSteps;
import org.psig.kafka.TopicProperties;
import org.psig.kafka.metrics.WatchedGroup;
import org.psig.schemas.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/** The correlation topology on Spring's Kafka Streams client, its topics, serdes and health. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class CorrelationConfiguration {

    @Bean
    Correlation correlation(CorrelationProperties properties) {
        return new Correlation(CorrelationRules.DEFAULTS, new GrowthSteps(properties.growthSteps()));
    }

    /** The input too: Streams stops if a source topic is missing, and triage may start after us. */
    @Bean
    KafkaAdmin.NewTopics correlationTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                topics.newTopic(Topics.INCIDENT_TRIAGED),
                topics.newTopic(Topics.INCIDENT_CAMPAIGNS),
                topics.newTopic(Topics.NOTIFICATION_CAMPAIGNS));
    }

    @Bean
    Object correlationTopology(StreamsBuilder builder, Correlation correlation, CorrelationProperties properties,
                               KafkaProperties kafka, MeterRegistry meters) {
        CorrelationTopology.build(builder, correlation, properties.expiryCheck(), avroSerde(kafka),
                change -> meters.counter("psig.campaign.alerts", "event", change.alert().event().name(),
                        "rule", change.campaign().rule()).increment());
        return builder;
    }

    /** A failed stream thread is replaced: under exactly-once its uncommitted work is redone, not lost. */
    @Bean
    StreamsBuilderFactoryBeanConfigurer replaceFailedThreads() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(
                exception -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    /** Its lag in psig_kafka_consumer_lag, beside the listener groups of the other services. */
    @Bean
    WatchedGroup correlationGroup(KafkaProperties kafka) {
        String applicationId = kafka.getStreams().getApplicationId();
        return new WatchedGroup(applicationId, Set.of(Topics.INCIDENT_TRIAGED,
                applicationId + "-" + CorrelationTopology.BY_RULE_KEY + "-repartition"));
    }

    @Bean
    StreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        return new StreamsHealthIndicator(streams);
    }

    /** The contract's Avro values, in the registry settings every service shares ({@code spring.kafka.properties}). */
    private static Serde<SpecificRecord> avroSerde(KafkaProperties kafka) {
        Map<String, Object> registry = new HashMap<>(kafka.getProperties());
        registry.put("apicurio.registry.use-specific-avro-reader", true);
        AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();
        serializer.configure(registry, false);
        AvroKafkaDeserializer<SpecificRecord> deserializer = new AvroKafkaDeserializer<>();
        deserializer.configure(registry, false);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
