package org.psig.notification.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.psig.kafka.DeadLetters;
import org.psig.kafka.TopicProperties;
import org.psig.kafka.metrics.WatchedGroup;
import org.psig.kafka.streams.AvroValues;
import org.psig.kafka.streams.LegacyMemory;
import org.psig.kafka.streams.StreamsParts;
import org.psig.notification.flow.NotificationTopology;
import org.psig.schemas.Topics;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The notification topology on Spring's Kafka Streams client, and the topics it reads and writes:
 * the 18 ARS topics, the HFDS and unrouted topics and the dead letters, created at start (brokers run
 * with auto-creation off).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class NotificationTopicsConfiguration {

    /** The input too: Streams stops if a source topic is missing, and triage may start after us. */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(TopicProperties topics) {
        List<NewTopic> all = new ArrayList<>();
        all.add(topics.newTopic(Topics.INCIDENT_TRIAGED));
        Topics.allArsNotifications().forEach(name -> all.add(topics.newTopic(name)));
        all.add(topics.newTopic(Topics.NOTIFICATION_HFDS));
        all.add(topics.newTopic(Topics.NOTIFICATION_UNROUTED));
        all.add(topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_TRIAGED)));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    @Bean
    Object notificationTopology(StreamsBuilder builder, StreamsParts parts, KafkaProperties kafka, KafkaAdmin kafkaAdmin) {
        LegacyMemory.addIfPresent(builder, kafkaAdmin, Topics.NOTIFIER_NOTIFIED_INCIDENTS);
        NotificationTopology.build(builder, parts, AvroValues.serializer(AvroValues.registrySettings(kafka)));
        return builder;
    }

    /** Its lag in psig_kafka_consumer_lag, and its dead letters in psig_dead_letters_waiting. */
    @Bean
    WatchedGroup notificationGroup(KafkaProperties kafka) {
        return new WatchedGroup(kafka.getStreams().getApplicationId(), Set.of(Topics.INCIDENT_TRIAGED));
    }
}
