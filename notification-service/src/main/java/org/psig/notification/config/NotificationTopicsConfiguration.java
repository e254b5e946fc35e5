package org.psig.notification.config;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.psig.kafka.DeadLetters;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The 18 ARS topics, the HFDS and unrouted topics and the dead letters, created at start. */
@Configuration(proxyBeanMethods = false)
class NotificationTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics notificationTopics(TopicProperties topics) {
        List<NewTopic> all = new ArrayList<>();
        Topics.allArsNotifications().forEach(name -> all.add(topics.newTopic(name)));
        all.add(topics.newTopic(Topics.NOTIFICATION_HFDS));
        all.add(topics.newTopic(Topics.NOTIFICATION_UNROUTED));
        all.add(topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_TRIAGED)));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }
}
