package org.psig.correlation.config;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.psig.correlation.flow.CorrelationTopology;
import org.psig.correlation.rules.CampaignChange;
import org.psig.correlation.rules.Correlation;
import org.psig.correlation.rules.CorrelationRules;
import org.psig.correlation.rules.GrowthSteps;
import org.psig.kafka.TopicProperties;
import org.psig.kafka.metrics.WatchedGroup;
import org.psig.kafka.streams.AvroValues;
import org.psig.schemas.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaAdmin;

/** The correlation topology on Spring's Kafka Streams client, and its topics. */
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
        CorrelationTopology.build(builder, correlation, properties.expiryCheck(),
                AvroValues.serde(AvroValues.registrySettings(kafka)),
                change -> meters.counter("psig.campaign.alerts", "event", change.alert().event().name(),
                        "rule", change.campaign().rule()).increment());
        return builder;
    }

    /** Its lag in psig_kafka_consumer_lag, beside the listener groups of the other services. */
    @Bean
    WatchedGroup correlationGroup(KafkaProperties kafka) {
        String applicationId = kafka.getStreams().getApplicationId();
        return new WatchedGroup(applicationId, Set.of(Topics.INCIDENT_TRIAGED,
                applicationId + "-" + CorrelationTopology.BY_RULE_KEY + "-repartition"));
    }
}
