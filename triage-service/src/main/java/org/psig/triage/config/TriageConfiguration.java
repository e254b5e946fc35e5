package org.psig.triage.config;

import java.util.Set;

import org.apache.kafka.streams.StreamsBuilder;
import org.psig.kafka.DeadLetters;
import org.psig.kafka.TopicProperties;
import org.psig.kafka.metrics.WatchedGroup;
import org.psig.kafka.streams.AvroValues;
import org.psig.kafka.streams.LegacyMemory;
import org.psig.kafka.streams.StreamsParts;
import org.psig.schemas.Topics;
import org.psig.triage.flow.TriageTopology;
import org.psig.triage.routing.ArsDirectory;
import org.psig.triage.rules.TriagePolicy;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The triage topology on Spring's Kafka Streams client, the topics it writes or reads, and its
 * plain-Java policy as a bean with its configured parameters.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class TriageConfiguration {

    @Bean
    TriagePolicy triagePolicy(TriageProperties properties) {
        return new TriagePolicy(ArsDirectory.fromClasspath(), properties.parameters());
    }

    /**
     * The input and the campaigns topic too, as intake and correlation declare them: Streams stops if
     * a source topic is missing, and triage may start first.
     */
    @Bean
    KafkaAdmin.NewTopics triageTopics(TopicProperties topics) {
        return new KafkaAdmin.NewTopics(
                topics.newTopic(Topics.INCIDENT_REPORTED),
                topics.newTopic(Topics.INCIDENT_TRIAGED),
                topics.newTopic(Topics.INCIDENT_CAMPAIGNS),
                topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_REPORTED)));
    }

    @Bean
    Object triageTopology(StreamsBuilder builder, TriagePolicy policy, StreamsParts parts,
                          KafkaProperties kafka, KafkaAdmin kafkaAdmin) {
        LegacyMemory.addIfPresent(builder, kafkaAdmin, Topics.TRIAGE_SEEN_INCIDENTS);
        TriageTopology.build(builder, policy, parts,
                AvroValues.serializer(AvroValues.registrySettings(kafka)));
        return builder;
    }

    /** Its lag in psig_kafka_consumer_lag, and its dead letters in psig_dead_letters_waiting. */
    @Bean
    WatchedGroup triageGroup(KafkaProperties kafka) {
        return new WatchedGroup(kafka.getStreams().getApplicationId(), Set.of(Topics.INCIDENT_REPORTED));
    }
}
