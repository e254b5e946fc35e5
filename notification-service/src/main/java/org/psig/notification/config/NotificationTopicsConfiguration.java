package org.psig.notification.config;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.psig.kafka.DeadLetters;
import org.psig.kafka.IncidentMemory;
import org.psig.kafka.TopicProperties;
import org.psig.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The 18 ARS topics, the HFDS and unrouted topics, the dead letters and the memory of notified
 * incidents, created at start (brokers run with auto-creation off).
 */
@Configuration(proxyBeanMethods = false)
class NotificationTopicsConfiguration {

    /** Every incident whose notifications were published, with the eventId of the verdict that did it. */
    @Bean
    IncidentMemory notifiedIncidents(KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template) {
        return new IncidentMemory(Topics.NOTIFIER_NOTIFIED_INCIDENTS, kafkaAdmin, template);
    }

    @Bean
    KafkaAdmin.NewTopics notificationTopics(TopicProperties topics, IncidentMemory notifiedIncidents) {
        List<NewTopic> all = new ArrayList<>();
        Topics.allArsNotifications().forEach(name -> all.add(topics.newTopic(name)));
        all.add(topics.newTopic(Topics.NOTIFICATION_HFDS));
        all.add(topics.newTopic(Topics.NOTIFICATION_UNROUTED));
        all.add(topics.newTopic(DeadLetters.topicFor(Topics.INCIDENT_TRIAGED)));
        all.add(notifiedIncidents.newTopic(topics));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }
}
